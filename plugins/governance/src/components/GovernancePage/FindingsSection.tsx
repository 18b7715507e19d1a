import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { governanceWaiverCreatePermission } from '@internal/plugin-governance-common';
import { useState } from 'react';
import { useAsyncRetry } from 'react-use';
import { FindingItem, governanceApiRef } from '../../api';
import { Empty, ErrorNotice, Loading } from '../shared';
import { FindingCard } from './FindingCard';
import { FindingFilters } from './FindingFilters';
import { plural } from './format';
import { WaiverDialog } from './WaiverDialog';

const unique = (values: string[]) => [...new Set(values)].sort();

/**
 * The architecture findings of the latest evaluation, filtered by rule, owner and namespace
 * (the backend filters; the pickers offer what the unfiltered list contains). Platform admins
 * can waive a finding from here.
 */
export function FindingsSection(props: {
  rule: string;
  owner: string;
  namespace: string;
  version: number;
  onFilter: (changes: {
    rule?: string;
    owner?: string;
    namespace?: string;
  }) => void;
  onChanged: () => void;
}) {
  const api = useApi(governanceApiRef);
  const { rule, owner, namespace } = props;
  const filtered = Boolean(rule || owner || namespace);
  const all = useAsyncRetry(() => api.getFindings(), [api, props.version]);
  const shown = useAsyncRetry(
    async () =>
      filtered ? api.getFindings({ rule, owner, namespace }) : undefined,
    [api, filtered, rule, owner, namespace, props.version],
  );
  const canWaive = usePermission({
    permission: governanceWaiverCreatePermission,
  });
  const [waiving, setWaiving] = useState<FindingItem>();

  const list = filtered ? shown : all;
  let body;
  if (list.error) {
    body = (
      <ErrorNotice
        what="the findings"
        error={list.error}
        onRetry={list.retry}
      />
    );
  } else if (list.loading || !list.value) {
    body = <Loading what="the findings" />;
  } else if (!list.value.items.length) {
    body = (
      <Empty testId="governance-findings-empty">
        {filtered
          ? 'No finding matches these filters.'
          : 'No architecture findings: the catalog follows every rule that could be checked.'}
      </Empty>
    );
  } else {
    const items = list.value.items;
    const waived = items.filter(finding => finding.waived).length;
    body = (
      <>
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="governance-findings-count"
        >
          {plural(items.length, 'finding')}
          {waived ? ` (${waived} waived)` : ''}
        </Typography>
        <Box display="flex" flexDirection="column" style={{ gap: 12 }} mt={1}>
          {items.map(finding => (
            <FindingCard
              key={finding.key}
              finding={finding}
              onWaive={canWaive.allowed ? () => setWaiving(finding) : undefined}
            />
          ))}
        </Box>
      </>
    );
  }

  const everything = all.value?.items ?? [];
  return (
    <section data-testid="governance-findings">
      <FindingFilters
        rule={rule}
        owner={owner}
        namespace={namespace}
        owners={unique(everything.flatMap(finding => finding.owners))}
        namespaces={unique(everything.flatMap(finding => finding.namespaces))}
        onChange={props.onFilter}
      />
      {body}
      {waiving && (
        <WaiverDialog
          finding={waiving}
          onClose={() => setWaiving(undefined)}
          onCreated={() => {
            setWaiving(undefined);
            props.onChanged();
          }}
        />
      )}
    </section>
  );
}
