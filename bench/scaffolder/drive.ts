/*
 * Drives the create → visible benchmark against a running portal (bench/scaffolder/run.sh
 * starts one). Loopback only, a fixed number of runs, bounded in time; prints a Markdown table
 * and writes every measurement as JSON.
 *
 *   drive.ts --base-url http://127.0.0.1:PORT --runs 3 --templates-dir templates
 *            --app-config app-config.yaml [--run-timeout-s 120] [--total-timeout-s 1200]
 *            [--out results.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

type Args = {
  baseUrl: string;
  runs: number;
  templatesDir: string;
  appConfig: string;
  runTimeoutS: number;
  totalTimeoutS: number;
  out?: string;
};

function parseArgs(argv: string[]): Args {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const baseUrl = get('--base-url');
  if (!baseUrl || !/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) {
    throw new Error(
      '--base-url must be http://127.0.0.1:<port> (loopback only)',
    );
  }
  return {
    baseUrl,
    runs: Number(get('--runs') ?? 3),
    templatesDir: get('--templates-dir') ?? 'templates',
    appConfig: get('--app-config') ?? 'app-config.yaml',
    runTimeoutS: Number(get('--run-timeout-s') ?? 120),
    totalTimeoutS: Number(get('--total-timeout-s') ?? 1200),
    out: get('--out'),
  };
}

/** Entities of the demo organisation (examples/dataflow) the form values point at. */
const OWNER = 'group:default/growth-reporting';
const SYSTEM = 'system:default/insights';
const PRODUCER = 'component:default/reporting';
const MONOLITH = 'component:default/admin';

/** What one run of a template submits, and the entity that proves it is in the catalog. */
type RunInput = { values: Record<string, unknown>; entityRef: string };

/** The form values of each template, as a person would fill the Create form; `id` is unique. */
const TEMPLATES: Record<string, (id: string) => RunInput> = {
  'node-service': id => ({
    values: {
      name: `bench-node-${id}`,
      description: 'Benchmark service',
      owner: OWNER,
      system: SYSTEM,
      tier: 3,
      personalData: false,
      publishTo: 'local',
    },
    entityRef: `component:default/bench-node-${id}`,
  }),
  'go-service': id => ({
    values: {
      name: `bench-go-${id}`,
      description: 'Benchmark service',
      owner: OWNER,
      system: SYSTEM,
      tier: 3,
      personalData: false,
      publishTo: 'local',
    },
    entityRef: `component:default/bench-go-${id}`,
  }),
  event: id => ({
    values: {
      topic: `bench.t${id}.created`,
      description: 'Benchmark topic',
      owner: OWNER,
      system: SYSTEM,
      producer: PRODUCER,
      fields: [{ name: 'reportId', type: 'uuid', required: true }],
      publishTo: 'local',
    },
    entityRef: `resource:default/bench-t${id}-created`,
  }),
  'strangler-extraction': id => ({
    values: {
      monolith: MONOLITH,
      capability: 'Benchmark capability',
      name: `bench-strangler-${id}`,
      description: 'Benchmark extraction',
      owner: OWNER,
      system: SYSTEM,
      tier: 3,
      personalData: false,
      path: `/api/v1/bench-${id}`,
      percent: 5,
      publishTo: 'local',
      gatewayRepository: 'api-gateway',
      routesFile: 'gateway/routes.yaml',
    },
    entityRef: `component:default/bench-strangler-${id}`,
  }),
};

type Measurement = {
  template: string;
  run: number;
  entityRef: string;
  status: string;
  /**
   * Created → completion, from the task's own timestamps (server clock). SQLite stores them
   * with 1 s resolution, so on SQLite this is only a cross-check of taskObservedMs.
   */
  taskMs?: number;
  /** POST /v2/tasks → the finished status seen by polling (100 ms). */
  taskObservedMs?: number;
  /** POST /v2/tasks → the entity served by the catalog (100 ms polling). */
  visibleMs?: number;
  error?: string;
};

const POLL_MS = 100;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

class Portal {
  private token = '';
  constructor(private readonly baseUrl: string) {}

  /** The guest provider issues a Backstage token from its refresh endpoint, as the app does. */
  async signInAsGuest() {
    const res = await fetch(`${this.baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (!res.ok)
      throw new Error(`guest sign-in: ${res.status} ${await res.text()}`);
    this.token = (await res.json()).backstageIdentity.token;
  }

  async request(method: string, urlPath: string, body?: unknown) {
    return fetch(`${this.baseUrl}${urlPath}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async json<T>(method: string, urlPath: string, body?: unknown): Promise<T> {
    const res = await this.request(method, urlPath, body);
    const text = await res.text();
    if (!res.ok)
      throw new Error(
        `${method} ${urlPath} → ${res.status}: ${text.slice(0, 500)}`,
      );
    return JSON.parse(text) as T;
  }

  async entityExists(ref: string): Promise<boolean> {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const res = await this.request(
      'GET',
      `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    );
    await res.arrayBuffer();
    return res.ok;
  }

  async waitForEntity(ref: string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.entityExists(ref))) {
      if (Date.now() > deadline)
        throw new Error(`${ref} not in the catalog within ${timeoutMs} ms`);
      await sleep(500);
    }
  }
}

type TaskEvent = {
  type: string;
  createdAt: string;
  body: { message?: string };
};

async function runOnce(
  portal: Portal,
  template: string,
  run: number,
  input: RunInput,
  timeoutMs: number,
): Promise<Measurement> {
  const m: Measurement = {
    template,
    run,
    entityRef: input.entityRef,
    status: 'timeout',
  };
  const pressed = performance.now();
  const { id } = await portal.json<{ id: string }>(
    'POST',
    '/api/scaffolder/v2/tasks',
    {
      templateRef: `template:default/${template}`,
      values: input.values,
    },
  );
  const deadline = pressed + timeoutMs;
  let task: { status: string; createdAt: string } | undefined;
  // Both clocks run until both ends are seen (or the run times out): the entity may appear
  // before the task ends (registration is not the last step of every template).
  while (
    performance.now() < deadline &&
    (m.visibleMs === undefined || m.taskObservedMs === undefined)
  ) {
    const [current, visible] = await Promise.all([
      m.taskObservedMs === undefined
        ? portal.json<{ status: string; createdAt: string }>(
            'GET',
            `/api/scaffolder/v2/tasks/${id}`,
          )
        : Promise.resolve(task!),
      m.visibleMs === undefined
        ? portal.entityExists(input.entityRef)
        : Promise.resolve(true),
    ]);
    const now = performance.now();
    task = current;
    if (m.visibleMs === undefined && visible)
      m.visibleMs = Math.round(now - pressed);
    if (
      m.taskObservedMs === undefined &&
      ['completed', 'failed', 'cancelled'].includes(current.status)
    ) {
      m.taskObservedMs = Math.round(now - pressed);
      m.status = current.status;
      // A failed task never makes its entity appear; stop waiting for it.
      if (current.status !== 'completed' && m.visibleMs === undefined) break;
    }
    await sleep(POLL_MS);
  }
  if (task && m.taskObservedMs !== undefined) {
    const events = await portal.json<TaskEvent[]>(
      'GET',
      `/api/scaffolder/v2/tasks/${id}/events`,
    );
    const completion = events.find(e => e.type === 'completion');
    if (completion) {
      m.taskMs = Date.parse(completion.createdAt) - Date.parse(task.createdAt);
    }
    if (m.status !== 'completed') {
      m.error = events
        .filter(e => e.type === 'log')
        .map(e => e.body.message ?? '')
        .filter(msg => /error|fail/i.test(msg))
        .slice(0, 3)
        .join(' | ')
        .slice(0, 400);
    }
  }
  return m;
}

function stats(values: number[]) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    min: sorted[0],
    median,
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

function table(results: Measurement[], skipped: string[]): string {
  const lines = [
    '| template | runs ok | task done, polled s (min / median / max) | task, server clock s | Create → visible s (min / median / max) |',
    '|---|---|---|---|---|',
  ];
  for (const template of [...new Set(results.map(r => r.template))]) {
    const rows = results.filter(r => r.template === template);
    const ok = rows.filter(r => r.status === 'completed');
    const cell = (s?: ReturnType<typeof stats>) =>
      s ? `${seconds(s.min)} / ${seconds(s.median)} / ${seconds(s.max)}` : '—';
    lines.push(
      `| ${template} | ${ok.length}/${rows.length} | ${cell(
        stats(ok.flatMap(r => r.taskObservedMs ?? [])),
      )} | ${cell(stats(ok.flatMap(r => r.taskMs ?? [])))} | ${cell(
        stats(rows.flatMap(r => r.visibleMs ?? [])),
      )} |`,
    );
  }
  for (const template of skipped)
    lines.push(`| ${template} | skipped: no template.yaml | | | |`);
  const failures = results.filter(r => r.status !== 'completed');
  for (const f of failures) {
    lines.push(
      '',
      `${f.template} run ${f.run}: ${f.status}${
        f.error ? ` — ${f.error}` : ''
      }`,
    );
  }
  lines.push(
    '',
    `Polled every ${POLL_MS} ms from POST /api/scaffolder/v2/tasks. "task, server clock" is the`,
    "task's created → completion timestamps (1 s resolution on SQLite).",
  );
  return lines.join('\n');
}

/** The catalog's re-processing interval as app-config.yaml sets it (it bounds nothing here). */
function processingInterval(appConfig: string): unknown {
  try {
    return parseYaml(fs.readFileSync(appConfig, 'utf8'))?.catalog
      ?.processingInterval;
  } catch {
    return undefined;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const overallDeadline = Date.now() + args.totalTimeoutS * 1000;
  const portal = new Portal(args.baseUrl);
  await portal.signInAsGuest();

  const present = Object.keys(TEMPLATES).filter(t =>
    fs.existsSync(path.join(args.templatesDir, t, 'template.yaml')),
  );
  const skipped = Object.keys(TEMPLATES).filter(t => !present.includes(t));
  for (const t of skipped)
    console.error(
      `skipping ${t}: ${args.templatesDir}/${t}/template.yaml does not exist`,
    );

  // The demo organisation and the templates load in the background after "ready".
  const warmStart = Date.now();
  for (const ref of [
    OWNER,
    SYSTEM,
    PRODUCER,
    MONOLITH,
    ...present.map(t => `template:default/${t}`),
  ]) {
    await portal.waitForEntity(ref, 120_000);
  }
  console.error(
    `catalog ready for the runs after ${Date.now() - warmStart} ms`,
  );

  const stamp = Date.now().toString(36);
  const results: Measurement[] = [];
  for (const template of present) {
    for (let run = 1; run <= args.runs; run++) {
      const remaining = overallDeadline - Date.now();
      if (remaining <= 0) {
        results.push({
          template,
          run,
          entityRef: '',
          status: 'not run (total timeout)',
        });
        continue;
      }
      const input = TEMPLATES[template](`${stamp}${run}`);
      let m: Measurement;
      try {
        m = await runOnce(
          portal,
          template,
          run,
          input,
          Math.min(args.runTimeoutS * 1000, remaining),
        );
      } catch (e) {
        m = {
          template,
          run,
          entityRef: input.entityRef,
          status: 'error',
          error: String(e).slice(0, 400),
        };
      }
      results.push(m);
      console.error(
        `${template} #${run}: ${m.status}, task ${
          m.taskMs ?? '—'
        } ms (seen after ${m.taskObservedMs ?? '—'} ms), visible after ${
          m.visibleMs ?? '—'
        } ms`,
      );
    }
  }

  const report = {
    at: new Date().toISOString(),
    baseUrl: args.baseUrl,
    runs: args.runs,
    pollMs: POLL_MS,
    catalogProcessingInterval: processingInterval(args.appConfig),
    skipped,
    results,
  };
  if (args.out)
    fs.writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(table(results, skipped));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
