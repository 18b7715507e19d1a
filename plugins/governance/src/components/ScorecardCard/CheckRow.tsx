import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import { CheckItem, CheckResultItem } from '../../api';

/** passed / failed / unknown (a fact the check needs is not available) / waived. */
export function resultState(result: CheckResultItem) {
  if (result.unknown) return 'unknown';
  if (result.waived) return 'waived';
  return result.passed ? 'passed' : 'failed';
}

const STATE_WORDS = {
  passed: 'Passed',
  failed: 'Failed',
  unknown: 'Not known',
  waived: 'Waived',
} as const;

function StateIcon(props: { state: ReturnType<typeof resultState> }) {
  if (props.state === 'passed' || props.state === 'waived')
    return (
      <CheckCircleIcon
        fontSize="small"
        style={{ color: '#2e7d32' }}
        aria-hidden
      />
    );
  if (props.state === 'failed')
    return <CancelIcon fontSize="small" color="error" aria-hidden />;
  return <HelpOutlineIcon fontSize="small" color="disabled" aria-hidden />;
}

/**
 * One check on the entity: passed or failed (in words too), the evidence, and how to fix a
 * failure. `pending`: the entity was checked on demand, so an unknown check is one the next
 * evaluation decides.
 */
export function CheckRow(props: {
  result: CheckResultItem;
  check?: CheckItem;
  pending?: boolean;
}) {
  const { result, check } = props;
  const state = resultState(result);
  const words =
    state === 'unknown' && props.pending
      ? 'Not evaluated yet'
      : STATE_WORDS[state];
  return (
    <Box
      display="flex"
      style={{ gap: 8 }}
      py={0.5}
      data-testid="scorecard-check"
      data-check={result.checkId}
      data-state={state}
    >
      <StateIcon state={state} />
      <Box>
        <Typography variant="body2">
          <strong>{check?.title ?? result.checkId}</strong> — {words}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {result.evidence}
        </Typography>
        {state === 'failed' && check && (
          <Typography variant="body2">How to fix: {check.fix}</Typography>
        )}
        {state === 'waived' && result.waiver && (
          <Typography variant="body2" color="textSecondary">
            Waived until {result.waiver.expiresAt.slice(0, 10)}:{' '}
            {result.waiver.reason}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
