import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useId, useState } from 'react';
import { FindingItem, governanceApiRef } from '../../api';
import { ErrorNotice } from '../shared';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The default expiry: a quarter, long enough to plan the fix, short enough to be revisited. */
const DEFAULT_DAYS = 90;

function dateInput(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Waives one finding: a reason and an expiry date (the end of that day, UTC). The backend
 * decides what is allowed (who may waive, how far ahead); its refusal is shown as it says it.
 */
export function WaiverDialog(props: {
  finding: FindingItem;
  onClose: () => void;
  onCreated: () => void;
  now?: Date;
}) {
  const api = useApi(governanceApiRef);
  const now = props.now ?? new Date();
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(
    dateInput(new Date(now.getTime() + DEFAULT_DAYS * DAY_MS)),
  );
  const id = useId();
  const [error, setError] = useState<Error>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api.createWaiver({
        findingKey: props.finding.key,
        reason: reason.trim(),
        expiresAt: `${expires}T23:59:59Z`,
      });
      props.onCreated();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="governance-waiver-title"
      fullWidth
    >
      <DialogTitle id="governance-waiver-title">Waive this finding</DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          {props.finding.message}
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Until it expires the finding is listed as waived and not counted; then
          it counts again. You are recorded as the approver.
        </Typography>
        <TextField
          id={`${id}-reason`}
          label="Reason"
          required
          fullWidth
          multiline
          minRows={2}
          value={reason}
          onChange={event => setReason(event.target.value)}
          helperText="Why this is acceptable for now, and what the plan is"
          margin="normal"
        />
        <TextField
          id={`${id}-expires`}
          label="Expires on"
          type="date"
          required
          value={expires}
          onChange={event => setExpires(event.target.value)}
          InputLabelProps={{ shrink: true }}
          margin="normal"
        />
        {error && <ErrorNotice verb="waive" what="the finding" error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={submit}
          disabled={saving || !reason.trim() || !expires}
        >
          Waive
        </Button>
      </DialogActions>
    </Dialog>
  );
}
