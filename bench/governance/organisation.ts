/*
 * A synthetic organisation for the governance benchmark, built in memory with the relations the
 * catalog would serve (both sides of each pair), plus the telemetry and deployments inputs the
 * rules read. Deterministic: the same N and seed give the same input. Same shape as
 * bench/catalog-scale/generate.ts (teams of 25 services, 20 teams per department, a System per
 * team, per service an OpenAPI API, a database and a topic), which writes YAML files for the
 * catalog ingest instead; here the graph is denser so every rule has work to do.
 */
import type { Entity, EntityRelation } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type {
  GovernanceInput,
  ObservedEdgeInput,
  UnobservedDeclarationInput,
  WorkloadInput,
} from '@internal/plugin-governance-common';

/** mulberry32: small, fast, deterministic PRNG (as bench/catalog-scale/generate.ts). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface Organisation {
  input: GovernanceInput;
  counts: Record<string, number>;
}

/**
 * `services` services; per service: a Component (owner, system, tier, lifecycle — 90 %
 * production —, an SLO file on 70 %, a runbook link on 80 %), its OpenAPI API, its database
 * (20 % personal data; 3 % of services also use another service's database), its topic. Calls:
 * six layers (i % 6); each service consumes 0–3 APIs of deeper-layer services among the next
 * 120 (chains of up to 5 calls), and 0.5 % of called services call a caller back (cycles). Each service consumes 2 other topics
 * (10 % of topics are left unconsumed); personal-data services consume the deletion topic on
 * 70 %. Telemetry: 85 % of services send traces; every declared call of a traced service is
 * observed, plus 1 % undeclared calls; 2 % of declarations never observed. Deployments: one
 * workload per service in production, 1–3 replicas, two containers, 10 % without limits or
 * probe.
 */
export function generateOrganisation(services: number, seed = 42): Organisation {
  const random = rng(seed);
  const chance = (p: number) => random() < p;
  const pick = (n: number) => Math.floor(random() * n);
  const perTeam = 25;
  const teams = Math.ceil(services / perTeam);
  const svc = (i: number) => `svc-${pad(i, 5)}`;
  const team = (t: number) => `team-${pad(t, 4)}`;
  const dept = (d: number) => `dept-${pad(d, 3)}`;
  const ref = (kind: string, name: string) => `${kind}:default/${name}`;

  const relations = new Map<string, EntityRelation[]>();
  const relate = (from: string, type: string, reverse: string, to: string) => {
    const forward = relations.get(from) ?? [];
    forward.push({ type, targetRef: to });
    relations.set(from, forward);
    const back = relations.get(to) ?? [];
    back.push({ type: reverse, targetRef: from });
    relations.set(to, back);
  };
  const entities: Entity[] = [];
  const add = (kind: string, name: string, spec: JsonObject, metadata: JsonObject = {}) => {
    entities.push({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name, namespace: 'default', ...metadata }, spec });
    const owner = spec.owner as string | undefined;
    if (owner) relate(ref(kind.toLowerCase(), name), 'ownedBy', 'ownerOf', owner);
  };

  add('Group', 'org', { type: 'organization', children: [] });
  for (let d = 0; d * 20 < teams; d++) {
    add('Group', dept(d), { type: 'department', children: [] });
    relate(ref('group', dept(d)), 'childOf', 'parentOf', ref('group', 'org'));
  }
  for (let t = 0; t < teams; t++) {
    add('Group', team(t), { type: 'team', children: [] }, {
      annotations: chance(0.9) ? { 'strata.dev/oncall-primary': `user:default/u-${t}` } : undefined,
    });
    relate(ref('group', team(t)), 'childOf', 'parentOf', ref('group', dept(Math.floor(t / 20))));
    add('System', `sys-${pad(t, 4)}`, { owner: ref('group', team(t)) });
  }
  const deletionTopic = ref('resource', 'user-deletion-requested');
  add('Resource', 'user-deletion-requested', { type: 'kafka-topic', owner: ref('group', team(0)), topic: 'user.deletion_requested' });
  relate(ref('component', svc(0)), 'produces', 'producedBy', deletionTopic);

  const observedEdges: ObservedEdgeInput[] = [];
  const unobserved: UnobservedDeclarationInput[] = [];
  const workloads: WorkloadInput[] = [];
  const traced: string[] = [];
  const personal = new Set<number>();
  for (let i = 0; i < services; i++) if (chance(0.2)) personal.add(i);
  const callersOf = new Map<number, number[]>();

  for (let i = 0; i < services; i++) {
    const t = Math.floor(i / perTeam);
    const name = svc(i);
    const self = ref('component', name);
    const owner = ref('group', team(t));
    const hasTraces = chance(0.85);
    if (hasTraces) traced.push(self);
    add('Component', name, {
      type: 'service',
      lifecycle: chance(0.9) ? 'production' : 'experimental',
      owner,
      system: ref('system', `sys-${pad(t, 4)}`),
      tier: 1 + pick(3),
    }, {
      annotations: chance(0.7) ? { 'strata.dev/slo-file': 'slo.yaml' } : {},
      links: chance(0.8) ? [{ url: `https://runbooks.example/${name}`, title: 'Runbook' }] : [],
    });
    relate(self, 'partOf', 'hasPart', ref('system', `sys-${pad(t, 4)}`));
    add('API', `${name}-api`, { type: 'openapi', lifecycle: 'production', owner, definition: '{}' });
    relate(self, 'providesApi', 'apiProvidedBy', ref('api', `${name}-api`));
    add('Resource', `${name}-db`, { type: 'database', owner, engine: 'postgresql', personalData: personal.has(i) });
    relate(self, 'dependsOn', 'dependencyOf', ref('resource', `${name}-db`));
    if (chance(0.03) && i > 0) {
      relate(self, 'dependsOn', 'dependencyOf', ref('resource', `${svc(pick(i))}-db`));
    }
    add('Resource', `${name}-events`, { type: 'kafka-topic', owner, topic: `${name}.events` });
    relate(self, 'produces', 'producedBy', ref('resource', `${name}-events`));
    if (personal.has(i) && chance(0.7)) relate(self, 'consumes', 'consumedBy', deletionTopic);

    // Layers (edge, product, domain, core, data, platform = i % 6): calls go to a deeper layer
    // among the next 120 services, so chains are at most 5 calls, as in a layered architecture.
    const callees = new Set<number>();
    const calls = pick(4);
    for (let c = 0; c < calls; c++) {
      const callee = i + 1 + pick(120);
      if (callee < services && callee % 6 > i % 6) callees.add(callee);
    }
    // 0.5 % of called services call one of their callers back: the cycles.
    const callers = callersOf.get(i);
    if (callers && chance(0.005)) callees.add(callers[pick(callers.length)]);
    for (const callee of callees) {
      if (callee > i) callersOf.set(callee, [...(callersOf.get(callee) ?? []), i]);
    }
    for (const callee of callees) {
      relate(self, 'consumesApi', 'apiConsumedBy', ref('api', `${svc(callee)}-api`));
      const to = ref('component', svc(callee));
      if (!hasTraces) continue;
      if (chance(0.02)) unobserved.push({ from: self, to, relation: 'consumesApi' });
      else observedEdges.push({ from: self, to, kind: 'http', count: 1 + pick(1000) });
    }
    if (hasTraces && chance(0.01)) {
      observedEdges.push({ from: self, to: ref('component', svc(pick(services))), kind: 'http', count: 1 + pick(50) });
    }
    workloads.push({
      entityRef: self,
      cluster: 'prod-1',
      namespace: team(t),
      name,
      replicas: 1 + pick(3),
      containers: [
        { name: 'app', hasLimits: chance(0.9), hasReadinessProbe: chance(0.9) },
        { name: 'proxy', hasLimits: true, hasReadinessProbe: true },
      ],
    });
  }
  // Topics: each service consumes two topics of other services; 10 % of topics stay unconsumed.
  for (let i = 0; i < services; i++) {
    for (let c = 0; c < 2; c++) {
      const producer = pick(services);
      if (producer === i || producer % 10 === 0) continue;
      relate(ref('component', svc(i)), 'consumes', 'consumedBy', ref('resource', `${svc(producer)}-events`));
    }
  }
  for (const entity of entities) {
    const key = `${entity.kind.toLowerCase()}:default/${entity.metadata.name}`;
    entity.relations = relations.get(key) ?? [];
  }
  const counts: Record<string, number> = { entities: entities.length };
  for (const e of entities) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  counts.relations = entities.reduce((n, e) => n + (e.relations?.length ?? 0), 0);
  counts.observedEdges = observedEdges.length;
  counts.workloads = workloads.length;
  return {
    input: {
      entities,
      observedEdges,
      unobservedDeclarations: unobserved,
      servicesWithTraces: traced,
      workloads,
    },
    counts,
  };
}
