import Typography from '@material-ui/core/Typography';
import { ServiceDeploymentStatus } from '@internal/plugin-deployments-common';
import { clustersProblemsFirst } from '../../status';
import { ClusterSection } from './ClusterSection';
import { NotAnnotated, NotConfigured } from './HowToConnect';

/**
 * The status of one service across clusters, problems first. For a service without a workload
 * annotation whose name matched nothing, how to annotate it instead.
 */
export function DeploymentsStatusView(props: {
  status: ServiceDeploymentStatus;
  now: Date;
  /** The entity's name when it has no workload annotation. */
  unannotatedName?: string;
}) {
  const { status, now, unannotatedName } = props;
  const found = status.clusters.some(c => c.workloads.length > 0);
  if (!status.clustersConfigured) {
    return (
      <>
        <NotConfigured />
        {unannotatedName && <NotAnnotated name={unannotatedName} />}
      </>
    );
  }
  if (unannotatedName && !found) {
    return <NotAnnotated name={unannotatedName} />;
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
