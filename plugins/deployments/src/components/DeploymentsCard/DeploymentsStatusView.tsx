import Typography from '@material-ui/core/Typography';
import { ServiceDeploymentStatus } from '@internal/plugin-deployments-common';
import { clustersProblemsFirst } from '../../status';
import { ClusterSection } from './ClusterSection';
import { NotConfigured } from './HowToConnect';

/** The status of one service across clusters, problems first. */
export function DeploymentsStatusView(props: {
  status: ServiceDeploymentStatus;
  now: Date;
}) {
  const { status, now } = props;
  if (!status.clustersConfigured) {
    return <NotConfigured />;
  }
  const clusters = clustersProblemsFirst(status.clusters);
  return (
    <div>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        Workloads found by {status.selector}.
      </Typography>
      {clusters.length === 0 && (
        <Typography variant="body2">
          No cluster runs workloads of this service. Check that its Deployments
          carry the label named above.
        </Typography>
      )}
      {clusters.map(cluster => (
        <ClusterSection
          key={`${cluster.cluster}/${cluster.environment}`}
          cluster={cluster}
          now={now}
        />
      ))}
    </div>
  );
}
