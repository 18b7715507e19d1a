import {
  ANNOTATION_OTEL_SERVICE_NAME,
  ANNOTATION_SLO_FILE,
} from '@internal/plugin-service-model-common';
import type { RuleId, RuleMetadata } from '../types';

/**
 * What each architecture rule is: the Governance page's legend, the API's rule list and the
 * `why` / default severity of every finding. Findings add the concrete names to `fix`.
 */
export const governanceRules: Record<RuleId, RuleMetadata> = {
  'shared-database': {
    title: 'Database shared by several services',
    severity: 'error',
    why: 'A database used by more than one service couples their schemas, deployments and incidents: one team cannot change a table, migrate or scale without the others, and one outage takes all of them down (database per service).',
    fix: 'Give the database to one service and let the others call that service’s API (or consume its events) instead of reading its tables.',
    needs: 'catalog',
  },
  'sync-chain-depth': {
    title: 'Synchronous call chain too deep',
    severity: 'warning',
    why: 'Each synchronous hop multiplies latency and failure probability: a chain deeper than the limit makes the first service only as available as the product of all of them.',
    fix: 'Break the chain: replace a hop by an event (publish, let the downstream service consume it), or cache or copy the data the caller needs.',
    needs: 'catalog',
  },
  'sync-cycle': {
    title: 'Synchronous call cycle',
    severity: 'error',
    why: 'Services that call each other synchronously cannot be deployed, scaled or reasoned about independently, and a slow member can deadlock or amplify load around the loop.',
    fix: 'Remove one call of the cycle: move the shared logic to one service, or turn one direction into an event.',
    needs: 'catalog',
  },
  'topic-without-consumer': {
    title: 'Topic nobody consumes',
    severity: 'info',
    why: 'Events nobody reads cost broker capacity and mislead readers of the catalog into thinking something reacts to them.',
    fix: 'Declare the consuming service (`spec.consumes` in its catalog-info.yaml), or stop producing the topic and remove it.',
    needs: 'catalog',
  },
  'topic-without-producer': {
    title: 'Topic nobody produces',
    severity: 'warning',
    why: 'A consumer waiting on a topic no service declares producing either depends on an undocumented producer or waits for nothing.',
    fix: 'Declare the producing service (`spec.produces` in its catalog-info.yaml), or remove the topic and its consumers’ `spec.consumes` entries.',
    needs: 'catalog',
  },
  'personal-data-without-erasure': {
    title: 'Personal data without erasure',
    severity: 'error',
    why: 'A service that stores personal data must erase it when a user asks (GDPR): it has to consume the user-deletion event, or the data survives the deletion.',
    fix: 'Consume the user-deletion topic and erase the user’s rows on it (`spec.consumes` in catalog-info.yaml), or stop storing personal data.',
    needs: 'catalog',
  },
  'undeclared-dependency': {
    title: 'Observed call not declared in the catalog',
    severity: 'warning',
    why: 'Traces show a dependency the catalog does not: on-call engineers and impact analysis miss it, and the owners of the called service do not know about the caller.',
    fix: 'Declare it in the caller’s catalog-info.yaml (`consumesApis`, `dependsOn` or `consumes`), or remove the call.',
    needs: 'telemetry',
  },
  'stale-declaration': {
    title: 'Declared dependency never observed',
    severity: 'info',
    why: 'A relation no trace shows in the window may be gone: stale declarations make the architecture look more coupled than it is and send on-call engineers the wrong way.',
    fix: 'Remove the relation from the catalog-info.yaml if the call is gone; if it is rare, keep it (a waiver says so).',
    needs: 'telemetry',
  },
  'missing-observability': {
    title: 'Production service without traces or SLO',
    severity: 'warning',
    why: 'A production service without traces cannot be debugged across services, and without an SLO nobody knows when it is failing its users or when to page.',
    fix: `Instrument it with OpenTelemetry (\`${ANNOTATION_OTEL_SERVICE_NAME}\`) and add an OpenSLO file (\`${ANNOTATION_SLO_FILE}: slo.yaml\`).`,
    needs: 'catalog',
  },
  'single-replica': {
    title: 'Production workload with a single replica',
    severity: 'warning',
    why: 'One replica means every node drain, rollout or crash is an outage.',
    fix: 'Run at least 2 replicas (`spec.replicas: 2`, or an HPA with `minReplicas: 2`) and a PodDisruptionBudget.',
    needs: 'deployments',
  },
  'no-resource-limits': {
    title: 'Production workload without resource limits',
    severity: 'warning',
    why: 'A container without CPU and memory limits can starve its neighbours on the node and is first to be evicted under pressure.',
    fix: 'Set `resources.limits.cpu` and `resources.limits.memory` (and requests) on every container.',
    needs: 'deployments',
  },
  'no-readiness-probe': {
    title: 'Production workload without readiness probe',
    severity: 'warning',
    why: 'Without a readiness probe, Kubernetes sends traffic to pods that are still starting or stuck, and rollouts cannot detect a bad version.',
    fix: 'Add a `readinessProbe` (e.g. `httpGet: { path: /health/ready, port: http }`) to every serving container.',
    needs: 'deployments',
  },
};
