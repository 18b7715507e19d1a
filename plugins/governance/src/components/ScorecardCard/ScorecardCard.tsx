import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useAsyncRetry, useInterval } from 'react-use';
import { governanceApiRef } from '../../api';
import { Empty, ErrorNotice, LevelChip, Loading, levelTitle } from '../shared';
import { ruleTitle } from '../GovernancePage/FindingCard';
import { CheckRow, resultState } from './CheckRow';
import { PendingNotice } from './PendingNotice';

/** The card's title. */
export const SCORECARD_CARD_TITLE = 'Scorecard';

/** While the entity waits for its first evaluation, the card asks again this often. */
export const PENDING_REFRESH_MS = 30_000;

// Failures first: they are what the owner acts on.
const ORDER = { failed: 0, unknown: 1, waived: 2, passed: 3 } as const;

function Scorecard(props: { entityRef: string }) {
  const api = useApi(governanceApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () =>
      Promise.all([
        api.getScorecards({ entityRef: props.entityRef }),
        api.getChecks(),
        api.getFindings({ entityRef: props.entityRef }),
      ]),
    [api, props.entityRef],
  );
  const onDemand = value?.[0].onDemand;
  // Checked on demand: ask again until the evaluation has the entity (then the findings too).
  useInterval(retry, onDemand ? PENDING_REFRESH_MS : null);
  if (error)
    return <ErrorNotice what="the scorecard" error={error} onRetry={retry} />;
  // A refresh keeps the card on screen rather than flashing "Loading".
  if (!value) return loading ? <Loading what="the scorecard" /> : null;

  const [scorecards, checks, findings] = value;
  const pending = onDemand && <PendingNotice onDemand={onDemand} />;
  const card = scorecards.items[0];
  if (!card) {
    return (
      <>
        {pending}
        <Empty testId="scorecard-none">
          No check applies to this entity (checks choose entities by kind, type,
          tier and lifecycle: governance.checks in app-config).
        </Empty>
      </>
    );
  }
  const checkOf = (id: string) => checks.items.find(check => check.id === id);
  const results = [...card.results].sort(
    (a, b) => ORDER[resultState(a)] - ORDER[resultState(b)],
  );
  return (
    <>
      {pending}
      <Box
        display="flex"
        alignItems="center"
        style={{ gap: 8 }}
        data-testid="scorecard-level"
      >
        <LevelChip level={card.level} levels={checks.levels} size="medium" />
        <Typography variant="body2">
          {card.passed} of {card.total} checks passed
          {card.next &&
            ` · ${levelTitle(
              checks.levels,
              card.next.level,
            )} needs: ${card.next.failing
              .map(id => checkOf(id)?.title ?? id)
              .join(', ')}`}
        </Typography>
      </Box>
      <Box mt={1}>
        {results.map(result => (
          <CheckRow
            key={result.checkId}
            result={result}
            check={checkOf(result.checkId)}
            pending={Boolean(onDemand)}
          />
        ))}
      </Box>
      <Box mt={2} data-testid="scorecard-findings">
        <Typography variant="subtitle2" component="h3">
          Architecture findings involving this entity
        </Typography>
        {onDemand && (
          <Empty testId="scorecard-findings-pending">
            Not evaluated yet: architecture findings need the whole catalog
            graph and come with the next evaluation.
          </Empty>
        )}
        {!onDemand && findings.items.length === 0 && <Empty>None.</Empty>}
        {findings.items.map(finding => (
          <Typography
            key={finding.key}
            variant="body2"
            data-testid="scorecard-finding"
            data-rule={finding.rule}
          >
            <strong>{ruleTitle(finding.rule)}</strong>
            {finding.waived ? ' (waived)' : ''}: {finding.message} —{' '}
            {finding.fix}
          </Typography>
        ))}
      </Box>
    </>
  );
}

/** "Scorecard" on a service's page: its level, each check with evidence and fix, its findings. */
export function ScorecardCard() {
  const { entity } = useEntity();
  return (
    <div data-testid="scorecard-card">
      <EntityInfoCard title={SCORECARD_CARD_TITLE}>
        <Scorecard entityRef={stringifyEntityRef(entity)} />
      </EntityInfoCard>
    </div>
  );
}
