import { formatMoment } from '@internal/frontend-kit';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ScorecardList } from '../../api';

type OnDemand = NonNullable<ScorecardList['onDemand']>;

/** How long until `iso`, in words: "in about 45 s", "in about 4 min", "any moment now". */
export function untilInWords(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (!(seconds > 5)) return 'any moment now';
  if (seconds < 90) return `in about ${seconds} s`;
  return `in about ${Math.round(seconds / 60)} min`;
}

/**
 * The scorecard of an entity the latest evaluation has not seen yet (registered since): its
 * checks ran now from the catalog; what needs the next evaluation is said, with when it is due.
 */
export function PendingNotice(props: { onDemand: OnDemand; now?: number }) {
  const { onDemand } = props;
  const now = props.now ?? Date.now();
  const next = onDemand.nextEvaluationBy;
  return (
    <Box
      mb={1}
      p={1}
      border={1}
      borderColor="divider"
      borderRadius={4}
      data-testid="scorecard-pending"
    >
      <Typography variant="body2">
        <strong>Not evaluated yet</strong> —{' '}
        {next
          ? `next evaluation ${untilInWords(next, now)} (by ${formatMoment(
              next,
              new Date(now),
            )})`
          : 'it comes with the next scheduled evaluation'}
        . These checks ran just now from the catalog; traces, replicas and
        architecture findings come with that evaluation.
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {onDemand.reason}
      </Typography>
    </Box>
  );
}
