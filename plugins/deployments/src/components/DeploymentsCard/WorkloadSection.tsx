import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { WorkloadStatus } from '@internal/plugin-deployments-common';
import { useId } from 'react';
import { ROLLOUT_STATE_LABELS, problemsErrorsFirst } from '../../status';
import { ProblemItem } from './ProblemItem';
import { WorkloadDetails } from './WorkloadDetails';

function healthSummary(workload: WorkloadStatus): string {
  const { ready, desired } = workload.replicas;
  return `Healthy: ${ready} of ${desired} replicas ready, ${ROLLOUT_STATE_LABELS[
    workload.rollout
  ].toLocaleLowerCase('en-US')}.`;
}

/** One Deployment: its problems first, in words, then its details. */
export function WorkloadSection(props: {
  workload: WorkloadStatus;
  now: Date;
}) {
  const { workload, now } = props;
  const headingId = useId();
  const problems = problemsErrorsFirst(workload.problems);
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      data-testid={`deployments-workload-${workload.namespace}-${workload.name}`}
      mt={2}
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="subtitle1" component="h5" id={headingId}>
          {workload.name}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          namespace {workload.namespace} · {workload.version}
        </Typography>
        <Chip size="small" label={ROLLOUT_STATE_LABELS[workload.rollout]} />
      </Box>
      {problems.length > 0 ? (
        <Box display="flex" flexDirection="column" style={{ gap: 8 }} my={1}>
          {problems.map((problem, index) => (
            <ProblemItem key={`${problem.kind}-${index}`} problem={problem} />
          ))}
        </Box>
      ) : (
        <Typography variant="body2">{healthSummary(workload)}</Typography>
      )}
      <WorkloadDetails workload={workload} now={now} />
    </Box>
  );
}
