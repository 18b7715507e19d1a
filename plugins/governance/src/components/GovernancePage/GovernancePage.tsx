import { Content } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useAsyncRetry } from 'react-use';
import { governanceApiRef } from '../../api';
import { ErrorNotice, Loading } from '../shared';
import { Drilldown } from './Drilldown';
import { EvaluationInfo } from './EvaluationInfo';
import { FindingsSection } from './FindingsSection';
import { TrendsSection, isDimension } from './TrendsSection';
import { useGovernanceQuery } from './useGovernanceQuery';
import { WaiversSection } from './WaiversSection';

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mt={4}>
      <Typography variant="h5" component="h2" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * The Governance page: levels from the organisation down to a team's services, the
 * architecture findings with their entities (filtered by rule, owner, namespace), trends and
 * waivers. What is shown is kept in the URL (`?team=…&rule=shared-database`), so it can be
 * shared. After a waiver is created or deleted every section reads again.
 */
export function GovernancePage() {
  const api = useApi(governanceApiRef);
  const query = useGovernanceQuery();
  // Bumped after a change (a waiver), so every section reads the backend again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion(v => v + 1);
  const checks = useAsyncRetry(() => api.getChecks(), [api]);

  let body;
  if (checks.error) {
    body = (
      <ErrorNotice
        what="the checks and levels"
        error={checks.error}
        onRetry={checks.retry}
      />
    );
  } else if (checks.loading || !checks.value) {
    body = <Loading what="the checks and levels" />;
  } else {
    const { items, levels } = checks.value;
    const trend = query.get('trend');
    body = (
      <>
        <Section title="Levels">
          <Drilldown
            levels={levels}
            checks={items}
            by={query.get('rollup') === 'system' ? 'system' : 'owner'}
            team={query.get('team')}
            version={version}
            onChange={query.set}
          />
        </Section>
        <Section title="Architecture findings">
          <FindingsSection
            rule={query.get('rule')}
            owner={query.get('owner')}
            namespace={query.get('namespace')}
            version={version}
            onFilter={query.set}
            onChanged={changed}
          />
        </Section>
        <Section title="Trends">
          <TrendsSection
            dimension={isDimension(trend) ? trend : 'rule'}
            levels={levels}
            version={version}
            onDimension={dimension => query.set({ trend: dimension })}
          />
        </Section>
        <Section title="Waivers">
          <WaiversSection
            checks={items}
            version={version}
            onChanged={changed}
          />
        </Section>
      </>
    );
  }

  return (
    <Content>
      <div data-testid="governance-page">
        <Typography variant="body2" color="textSecondary" paragraph>
          Scorecards and architecture findings over the whole catalog: where
          services reach Bronze, Silver or Gold, and every place the
          architecture breaks a rule, with the services involved, why it matters
          and how to fix it.
        </Typography>
        <EvaluationInfo version={version} />
        {body}
      </div>
    </Content>
  );
}
