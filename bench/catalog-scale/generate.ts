/*
 * Generates a synthetic organisation in Strata's service model (docs/catalog-model.md) for the
 * catalog scale benchmark. Deterministic: the same N and seed give byte-identical files.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/catalog-scale/generate.ts [--services N] [--out DIR] [--seed S]
 *
 * Layout (one folder per "repository", GitOps):
 *   DIR/catalog-info.yaml                   root Location: org files + one Location per team
 *   DIR/org/groups.yaml, users.yaml, systems.yaml (groups with parents, users, domains, systems)
 *   DIR/teams/<team>/catalog-info.yaml      the team's Location listing its services' files
 *   DIR/teams/<team>/events-api.yaml        the team's AsyncAPI (topic family)
 *   DIR/teams/<team>/<service>/catalog-info.yaml   Component + its OpenAPI API + its database
 *                                                   Resource + the topic it produces
 *
 * Prints one JSON line: { out, services, files, entities, byKind }.
 * Also writes DIR/manifest.json with the same figures and every entity ref.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Doc = Record<string, unknown>;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** mulberry32: small, fast, deterministic PRNG. */
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

/** Minimal YAML emitter for the plain data we generate (strings, numbers, booleans, lists, maps). */
function yamlScalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return /^[a-z0-9][a-z0-9._/:-]*$/i.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/^[0-9.]+$/.test(s)
    ? s
    : JSON.stringify(s);
}
function toYaml(v: unknown, indent = ''): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return ' []\n';
    return `\n${v.map(item => `${indent}- ${toYaml(item, `${indent}  `).replace(/^\n\s*/, '')}`).join('')}`;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Doc).filter(([, x]) => x !== undefined);
    return `\n${entries
      .map(([k, x]) => {
        if (typeof x === 'string' && x.includes('\n')) {
          const block = x
            .replace(/\n$/, '')
            .split('\n')
            .map(line => `${indent}  ${line}`)
            .join('\n');
          return `${indent}${k}: |\n${block}\n`;
        }
        return `${indent}${k}:${toYaml(x, `${indent}  `).replace(/^(?!\n)/, ' ')}`;
      })
      .join('')}`;
  }
  return `${yamlScalar(v)}\n`;
}
function docs(list: Doc[]): string {
  return list.map(d => `---${toYaml(d).replace(/^\n/, '\n')}`).join('');
}

function main() {
  const services = Number(arg('services', '10000'));
  const seed = Number(arg('seed', '42'));
  const out = path.resolve(
    arg('out', path.join(os.tmpdir(), `catalog-scale-${services}`)),
  );
  if (!Number.isInteger(services) || services < 1 || services > 1_000_000) {
    throw new Error(`--services must be a positive integer, got ${services}`);
  }
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'org'), { recursive: true });

  const perTeam = 25;
  const teams = Math.ceil(services / perTeam);
  const teamsPerDept = 20;
  const depts = Math.ceil(teams / teamsPerDept);
  const usersPerTeam = 5;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const team = (t: number) => `team-${pad(t, 4)}`;
  const dept = (d: number) => `dept-${pad(d, 3)}`;
  const svc = (i: number) => `svc-${pad(i, 5)}`;
  const teamOf = (i: number) => Math.floor(i / perTeam);
  const engines = ['postgresql', 'mysql', 'mariadb', 'redis', 'mongodb', 'elasticsearch', 'opensearch'];

  const refs: string[] = [];
  const byKind: Record<string, number> = {};
  let files = 0;
  const write = (rel: string, list: Doc[]) => {
    for (const d of list) {
      const kind = d.kind as string;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      refs.push(`${kind.toLowerCase()}:default/${(d.metadata as Doc).name}`);
    }
    const file = path.join(out, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, docs(list));
    files += 1;
  };
  const entity = (kind: string, metadata: Doc, spec: Doc): Doc => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata,
    spec,
  });

  // Organisation: org → departments → teams; users; domains (one per department); systems (one per team).
  const groups: Doc[] = [
    entity('Group', { name: 'org', title: 'Synthetic Org' }, {
      type: 'organization',
      children: Array.from({ length: depts }, (_, d) => dept(d)),
    }),
  ];
  const users: Doc[] = [];
  const systems: Doc[] = [];
  for (let d = 0; d < depts; d++) {
    groups.push(
      entity('Group', { name: dept(d), title: `Department ${d}` }, {
        type: 'department',
        parent: 'org',
        children: [],
      }),
    );
    systems.push(
      entity('Domain', { name: `domain-${pad(d, 3)}`, title: `Domain ${d}` }, { owner: `group:default/${dept(d)}` }),
    );
  }
  for (let t = 0; t < teams; t++) {
    const d = Math.floor(t / teamsPerDept);
    groups.push(
      entity('Group', { name: team(t), title: `Team ${t}` }, {
        type: 'team',
        parent: dept(d),
        children: [],
        profile: { displayName: `Team ${t}`, email: `${team(t)}@example.invalid` },
      }),
    );
    for (let u = 0; u < usersPerTeam; u++) {
      const name = `user-${pad(t, 4)}-${u}`;
      users.push(
        entity('User', { name }, {
          profile: { displayName: `User ${t}.${u}`, email: `${name}@example.invalid` },
          memberOf: [team(t)],
        }),
      );
    }
    systems.push(
      entity('System', { name: `sys-${pad(t, 4)}`, title: `System ${t}` }, {
        owner: `group:default/${team(t)}`,
        domain: `domain-${pad(d, 3)}`,
      }),
    );
  }
  write('org/groups.yaml', groups);
  write('org/users.yaml', users);
  write('org/systems.yaml', systems);

  const teamLocations: string[] = [];
  for (let t = 0; t < teams; t++) {
    const first = t * perTeam;
    const last = Math.min(services, first + perTeam);
    const owner = `group:default/${team(t)}`;
    const system = `system:default/sys-${pad(t, 4)}`;
    const eventsApi = `${team(t)}-events`;
    const channels = Array.from({ length: last - first }, (_, k) => `  ${team(t)}.${svc(first + k)}.events:\n    subscribe:\n      message:\n        payload:\n          type: object`).join('\n');
    write(`teams/${team(t)}/events-api.yaml`, [
      entity('API', { name: eventsApi, title: `${team(t)} events` }, {
        type: 'asyncapi',
        lifecycle: 'production',
        owner,
        system,
        definition: `asyncapi: 2.6.0\ninfo:\n  title: ${team(t)} events\n  version: 1.0.0\nchannels:\n${channels}\n`,
      }),
    ]);
    const targets = ['./events-api.yaml'];
    for (let i = first; i < last; i++) {
      const name = svc(i);
      // Consumed topics: two other services' topics (deterministic), plus their teams' AsyncAPIs.
      const consumed = new Set<number>();
      for (let k = 0; consumed.size < Math.min(2, services - 1) && k < 20; k++) {
        const j = Math.floor(random() * services);
        if (j !== i) consumed.add(j);
      }
      const consumedApis = new Set<string>();
      for (const j of consumed) {
        if (teamOf(j) !== t) consumedApis.add(`api:default/${team(teamOf(j))}-events`);
      }
      const httpDeps = [Math.floor(random() * services)].filter(j => j !== i);
      const dependsOn = [`resource:default/${name}-db`];
      // ~5% share a database with another service of the same team.
      if (last - first > 1 && random() < 0.05) {
        let j = first + Math.floor(random() * (last - first));
        if (j === i) j = j === first ? first + 1 : first;
        dependsOn.push(`resource:default/${svc(j)}-db`);
      }
      const list: Doc[] = [
        entity('Component', {
          name,
          title: `Service ${i}`,
          description: `Synthetic service ${i} of ${team(t)}.`,
          tags: [pick(['go', 'java', 'python', 'node'])],
          annotations: { 'backstage.io/source-location': `url:https://git.example.invalid/${name}/` },
        }, {
          type: 'service',
          lifecycle: pick(['production', 'production', 'experimental']),
          owner,
          system,
          tier: 1 + Math.floor(random() * 3),
          dependsOn,
          providesApis: [`api:default/${name}-api`, `api:default/${eventsApi}`],
          consumesApis: [...httpDeps.map(j => `api:default/${svc(j)}-api`), ...consumedApis],
          produces: [`resource:default/${name}-events`],
          consumes: [...consumed].map(j => `resource:default/${svc(j)}-events`),
        }),
        entity('API', { name: `${name}-api`, title: `${name} API` }, {
          type: 'openapi',
          lifecycle: 'production',
          owner,
          system,
          definition: `openapi: 3.0.0\ninfo:\n  title: ${name}\n  version: 1.0.0\npaths:\n  /health:\n    get:\n      responses:\n        '200':\n          description: ok\n`,
        }),
        entity('Resource', { name: `${name}-db`, title: `${name} database` }, {
          type: 'database',
          owner,
          system,
          engine: pick(engines),
          personalData: random() < 0.3,
        }),
        entity('Resource', { name: `${name}-events`, title: `${team(t)}.${name}.events` }, {
          type: 'kafka-topic',
          owner,
          system,
          topic: `${team(t)}.${name}.events`,
          schema: `api:default/${eventsApi}`,
        }),
      ];
      write(`teams/${team(t)}/${name}/catalog-info.yaml`, list);
      targets.push(`./${name}/catalog-info.yaml`);
    }
    write(`teams/${team(t)}/catalog-info.yaml`, [
      entity('Location', { name: `${team(t)}-repos` }, { targets }),
    ]);
    teamLocations.push(`./teams/${team(t)}/catalog-info.yaml`);
  }
  write('catalog-info.yaml', [
    entity('Location', { name: 'catalog-scale-root' }, {
      targets: ['./org/groups.yaml', './org/users.yaml', './org/systems.yaml', ...teamLocations],
    }),
  ]);

  const summary = { out, services, seed, files, entities: refs.length, byKind };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ ...summary, refs }));
  console.log(JSON.stringify(summary));
}

main();
