import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { governanceWaiverDeletePermission } from '@internal/plugin-governance-common';
import { useState } from 'react';
import { useAsyncRetry } from 'react-use';
import { CheckItem, WaiverItem, governanceApiRef } from '../../api';
import { Empty, ErrorNotice, Loading } from '../shared';
import { day } from './format';

/** What a waiver covers, in words: a finding (by its key) or one check on one entity. */
function Covers(props: { waiver: WaiverItem; checks: CheckItem[] }) {
  const { waiver } = props;
  if (waiver.findingKey) return <code>{waiver.findingKey}</code>;
  const check =
    props.checks.find(c => c.id === waiver.checkId)?.title ?? waiver.checkId;
  return (
    <>
      Check “{check}” on{' '}
      {waiver.entityRef ? (
        <EntityRefLink entityRef={waiver.entityRef} />
      ) : (
        'any entity'
      )}
    </>
  );
}

/**
 * Waivers with reason, approver and expiry (expired ones on request). Platform admins can
 * delete one; the finding or check then counts again.
 */
export function WaiversSection(props: {
  checks: CheckItem[];
  version: number;
  onChanged: () => void;
}) {
  const api = useApi(governanceApiRef);
  const [includeExpired, setIncludeExpired] = useState(false);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getWaivers(includeExpired),
    [api, includeExpired, props.version],
  );
  const canDelete = usePermission({
    permission: governanceWaiverDeletePermission,
  });
  const [deleteError, setDeleteError] = useState<Error>();
  const [deleting, setDeleting] = useState<string>();

  const remove = async (id: string) => {
    setDeleting(id);
    setDeleteError(undefined);
    try {
      await api.deleteWaiver(id);
      props.onChanged();
    } catch (e) {
      setDeleteError(e as Error);
    } finally {
      setDeleting(undefined);
    }
  };

  let body;
  if (error) {
    body = <ErrorNotice what="the waivers" error={error} onRetry={retry} />;
  } else if (loading || !value) {
    body = <Loading what="the waivers" />;
  } else if (!value.items.length) {
    body = (
      <Empty testId="governance-waivers-empty">
        {includeExpired ? 'No waivers.' : 'No waivers in force.'} Platform
        admins waive a finding from its “Waive…” button, with a reason and an
        expiry.
      </Empty>
    );
  } else {
    body = (
      <Table size="small" aria-label="Waivers">
        <TableHead>
          <TableRow>
            <TableCell>Covers</TableCell>
            <TableCell>Reason</TableCell>
            <TableCell>Approver</TableCell>
            <TableCell>Created</TableCell>
            <TableCell>Expires</TableCell>
            {canDelete.allowed && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(waiver => (
            <TableRow
              key={waiver.id}
              data-testid="governance-waiver"
              data-id={waiver.id}
            >
              <TableCell>
                <Covers waiver={waiver} checks={props.checks} />
              </TableCell>
              <TableCell>{waiver.reason}</TableCell>
              <TableCell>
                <EntityRefLink entityRef={waiver.approver} defaultKind="user" />
              </TableCell>
              <TableCell>{day(waiver.createdAt)}</TableCell>
              <TableCell>
                {day(waiver.expiresAt)}{' '}
                {waiver.expired && <Chip size="small" label="expired" />}
              </TableCell>
              {canDelete.allowed && (
                <TableCell>
                  <Button
                    size="small"
                    onClick={() => remove(waiver.id)}
                    disabled={deleting === waiver.id}
                    aria-label={`Delete the waiver: ${waiver.reason}`}
                  >
                    Delete
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <section data-testid="governance-waivers">
      <FormControlLabel
        control={
          <Checkbox
            checked={includeExpired}
            onChange={event => setIncludeExpired(event.target.checked)}
          />
        }
        label="Show expired waivers"
      />
      {deleteError && (
        <ErrorNotice verb="delete" what="the waiver" error={deleteError} />
      )}
      {body}
    </section>
  );
}
