/* Puts a whole workload (Deployment, ReplicaSet, pods, events, HPA) into a fake API server. */
import {
  DeploymentOptions,
  FakeKubernetesApi,
  HpaOptions,
  PodOptions,
  WorkloadSpec,
  deployment,
  hpa,
  pod,
  replicaSet,
} from './fakeKubernetes';

export interface WorkloadScenario {
  deployment?: DeploymentOptions;
  pods?: PodOptions[];
  events?: Record<string, any>[];
  hpa?: HpaOptions;
  /** Older ReplicaSets (previous revisions). */
  previous?: Array<{ image: string; revision: number }>;
}

export function applyWorkload(
  fake: FakeKubernetesApi,
  w: WorkloadSpec,
  scenario: WorkloadScenario = {},
) {
  for (const p of scenario.previous ?? []) {
    fake.apply(
      replicaSet(
        { ...w, image: p.image, revision: p.revision },
        { replicas: 0 },
      ),
    );
  }
  fake.apply(replicaSet(w));
  const pods = scenario.pods ?? [{}, {}, {}].map(() => ({}));
  pods.forEach((options, index) => fake.apply(pod(w, { index, ...options })));
  for (const e of scenario.events ?? []) fake.apply(e);
  if (scenario.hpa) fake.apply(hpa(w, scenario.hpa));
  fake.apply(deployment(w, scenario.deployment));
}

export const workload = (
  name: string,
  overrides: Partial<WorkloadSpec> = {},
): WorkloadSpec => ({
  name,
  namespace: 'payments',
  image: `registry.example.com/payments/${name}:2.1.0`,
  revision: 2,
  replicas: 3,
  ...overrides,
});
