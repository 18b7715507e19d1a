import Link from '@material-ui/core/Link';
import { Fragment } from 'react';
import { LookupResult } from '../../api';

type RowComponent = (props: {
  label: string;
  testId: string;
  children: React.ReactNode;
}) => JSX.Element;

/** "Within SLO", or which objectives are out and how loudly they alert; why when unknown. */
export function sloWords(
  result: Pick<LookupResult, 'slo' | 'sloReason'>,
): string {
  const { slo } = result;
  if (!slo) return result.sloReason ?? 'unknown';
  if (slo.withinSlo === null) return 'no data for its objectives yet';
  const alerting = slo.objectives.filter(o => o.alert !== 'none');
  const alerts = alerting.length
    ? `; alerting: ${alerting.map(o => `${o.name} (${o.alert})`).join(', ')}`
    : '';
  if (slo.withinSlo) return `within its SLO${alerts}`;
  const below = slo.objectives.filter(
    o => o.attainment !== null && o.attainment < o.target,
  );
  return `out of SLO: ${
    below.map(o => o.name).join(', ') || 'an objective is below target'
  }${alerts}`;
}

/** "1.42.0 to production, 2026-12-02 07:12 UTC, succeeded"; why when unknown. */
export function lastDeployWords(
  result: Pick<LookupResult, 'lastDeploy' | 'lastDeployReason'>,
): string {
  const deploy = result.lastDeploy;
  if (!deploy) return result.lastDeployReason ?? 'unknown';
  const when = `${deploy.startedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return [
    `${deploy.version ?? deploy.commitSha?.slice(0, 7) ?? deploy.id} to ${
      deploy.environment
    }`,
    when,
    deploy.outcome,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Health at a glance: SLO state, last deploy, and the entity's own links (runbook, dashboards). */
export function QuickLinks(props: {
  result: LookupResult;
  links: Array<{ url: string; title?: string }>;
  Row: RowComponent;
}) {
  const { Row } = props;
  return (
    <>
      <Row label="SLO" testId="oncall-slo">
        {sloWords(props.result)}
      </Row>
      <Row label="Last deploy" testId="oncall-last-deploy">
        {lastDeployWords(props.result)}
      </Row>
      <Row label="Links" testId="oncall-links">
        {props.links.length === 0
          ? 'none: add a runbook under metadata.links'
          : props.links.map((link, i) => (
              <Fragment key={link.url}>
                {i > 0 && ' · '}
                <Link href={link.url}>{link.title ?? link.url}</Link>
              </Fragment>
            ))}
      </Row>
    </>
  );
}
