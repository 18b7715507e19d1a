import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ClusterDeploymentStatus } from '@internal/plugin-deployments-common';
import { useId } from 'react';
import {
  clusterStateWords,
  clusterTitle,
  workloadsProblemsFirst,
} from '../../status';
import { WorkloadSection } from './WorkloadSection';

/**
 * One cluster's part of the answer. A cluster that cannot be read says so (and since when)
 * without hiding what the other clusters report.
 */
export function ClusterSection(props: {
  cluster: ClusterDeploymentStatus;
  now: Date;
}) {
  const { cluster, now } = props;
  const headingId = useId();
  const stateWords = clusterStateWords(cluster, now);
  const workloads = workloadsProblemsFirst(cluster.workloads);
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      data-testid={`deployments-cluster-${cluster.cluster}`}
      data-cluster-state={cluster.state}
      mb={3}
    >
      <Typography variant="h6" component="h4" id={headingId}>
        {clusterTitle(cluster)}
      </Typography>
      <Divider />
      {stateWords && (
        <Box my={1}>
          <Alert severity={stateWords.severity}>
            <AlertTitle>{stateWords.headline}</AlertTitle>
            {cluster.error && (
              <Typography variant="body2" component="p">
                {cluster.error}
              </Typography>
            )}
            <Typography variant="body2" component="p">
              {stateWords.hint}
            </Typography>
          </Alert>
        </Box>
      )}
      {stateWords?.severity === 'error' && workloads.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Last known state before the cluster stopped answering:
        </Typography>
      )}
      {workloads.map(workload => (
        <WorkloadSection
          key={`${workload.namespace}/${workload.name}`}
          workload={workload}
          now={now}
        />
      ))}
      {cluster.state === 'ok' && workloads.length === 0 && (
        <Typography variant="body2">
          No workloads of this service run in this cluster.
        </Typography>
      )}
    </Box>
  );
}
