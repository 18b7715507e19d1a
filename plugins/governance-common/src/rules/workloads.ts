import { specOf } from '@internal/plugin-service-model-common';
import { displayName } from '../graph/CatalogIndex';
import type { Finding, RuleId, WorkloadInput } from '../types';
import { makeFinding, Rule, RuleContext } from './context';

/** Workloads in a production environment of entities whose lifecycle is production. */
function productionWorkloads(context: RuleContext): WorkloadInput[] {
  const { index, options, input } = context;
  const environments = new Set(options.productionEnvironments);
  const lifecycles = new Set(options.productionLifecycles);
  return (input.workloads ?? []).filter(workload => {
    const lifecycle = specOf(
      index.entity(workload.entityRef.toLowerCase()),
    ).lifecycle;
    return (
      environments.has(workload.environment ?? 'production') &&
      typeof lifecycle === 'string' &&
      lifecycles.has(lifecycle)
    );
  });
}

const where = (w: WorkloadInput) => `${w.cluster}/${w.namespace}/${w.name}`;

function workloadFinding(
  context: RuleContext,
  rule: RuleId,
  workload: WorkloadInput,
  message: string,
  fix: string,
): Finding {
  const ref = workload.entityRef.toLowerCase();
  return makeFinding(context, rule, {
    keyParts: [ref, where(workload)],
    ordered: true,
    entityRefs: [ref],
    message: `${displayName(ref)}: Deployment ${where(workload)} ${message}`,
    fix,
  });
}

/**
 * The Kubernetes basics on production workloads: `single-replica` (one replica, and no HPA
 * keeping at least two; zero is scaled down on purpose), `no-resource-limits` and
 * `no-readiness-probe` (per container; skipped when the containers are unknown).
 */
export const workloadRules: Rule = context => {
  const findings: Finding[] = [];
  for (const workload of productionWorkloads(context)) {
    const effective = workload.minReplicas ?? workload.replicas;
    if (effective === 1) {
      findings.push(
        workloadFinding(
          context,
          'single-replica',
          workload,
          'runs a single replica',
          `Set spec.replicas to 2 or more on ${workload.name}${
            workload.minReplicas !== undefined ? ' and minReplicas on its HPA' : ''
          }, and add a PodDisruptionBudget.`,
        ),
      );
    }
    const containers = workload.containers ?? [];
    const unlimited = containers.filter(c => !c.hasLimits).map(c => c.name);
    if (unlimited.length > 0) {
      findings.push(
        workloadFinding(
          context,
          'no-resource-limits',
          workload,
          `has containers without CPU and memory limits: ${unlimited.join(', ')}`,
          `Set resources.limits.cpu and resources.limits.memory on ${unlimited.join(', ')}.`,
        ),
      );
    }
    const unprobed = containers.filter(c => !c.hasReadinessProbe).map(c => c.name);
    if (unprobed.length > 0) {
      findings.push(
        workloadFinding(
          context,
          'no-readiness-probe',
          workload,
          `has containers without a readiness probe: ${unprobed.join(', ')}`,
          `Add a readinessProbe to ${unprobed.join(', ')} (e.g. httpGet on the health endpoint).`,
        ),
      );
    }
  }
  return findings;
};
