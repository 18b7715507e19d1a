/*
 * Which lookup key an Alertmanager alert's labels give, in order of precision: an entity ref,
 * an OpenTelemetry service name (Prometheus rules on spanmetrics carry `service_name`), a
 * `service` label, then a Kubernetes workload (`namespace` with `deployment` / `statefulset` /
 * `daemonset` / `workload`, and `cluster` when the rule has it). Pure.
 */
import type { LookupQuery } from '@internal/plugin-ownership-common';

const WORKLOAD_LABELS = ['deployment', 'statefulset', 'daemonset', 'workload'];

export function alertLookupKey(
  labels: Record<string, string>,
): LookupQuery | undefined {
  const label = (name: string) => labels[name]?.trim() || undefined;
  const entityRef = label('entity_ref');
  if (entityRef) return { key: 'entityRef', value: entityRef };
  const service =
    label('otel_service_name') ?? label('service_name') ?? label('service');
  if (service) return { key: 'otelServiceName', value: service };
  const namespace = label('namespace');
  const workload = WORKLOAD_LABELS.map(label).find(Boolean);
  if (namespace && workload) {
    return {
      key: 'k8sWorkload',
      value: `${label('cluster') ?? 'unknown'}/${namespace}/${workload}`,
    };
  }
  return undefined;
}
