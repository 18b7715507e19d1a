/*
 * Change → visible in the catalog, stock Backstage and Strata side by side in one run, on one
 * database (`--db sqlite|postgres`). Two paths:
 *
 * - webhook: a GitHub push delivery (signed, recorded shape) to /api/events/http/github after
 *   the file changed in a fake GitHub (catalog-edits' test fake, on loopback). Two files: the
 *   discovered `catalog-info.yaml` (the stock provider refreshes it on push too) and an API file
 *   registered by hand as a url location (the stock provider leaves it to the loop).
 *   stock = catalog + GithubEntityProvider + events backend + GitHub events module;
 *   strata = the same + catalog-backend-module-github-push-refresh (+ source-stamp).
 * - file: a demo-organisation file rewritten on disk.
 *   stock = catalog with its own file reader; strata = + local-repositories (the guard) +
 *   catalog-backend-module-file-watch-refresh (+ source-stamp).
 *
 * Stock runs with Backstage's default processing interval (100–150 s), Strata with the embedded
 * default's (app-config.yaml). Each edit waits until the entity's description reads the new
 * value, polling every 100 ms, at most BOUND_S seconds; an edit that did not show counts as
 * "> BOUND_S s". Stock's loop-bound paths get STOCK_SLOW_EDITS edits (its figure is its loop).
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import githubCatalogModule from '@backstage/plugin-catalog-backend-module-github';
import eventsPlugin from '@backstage/plugin-events-backend';
import githubEventsModule from '@backstage/plugin-events-backend-module-github';
import strictGithubWebhookModule from '@internal/plugin-events-backend-module-github-webhook';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import localRepositoriesModule from '@internal/plugin-catalog-backend-module-local-repositories';
import fileWatchModule from '@internal/plugin-catalog-backend-module-file-watch-refresh';
import githubPushRefreshModule from '@internal/plugin-catalog-backend-module-github-push-refresh';
import sourceStampModule from '@internal/plugin-catalog-backend-module-source-stamp';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { perPluginDatabase } from './database';
// The one fake GitHub (test code of catalog-edits-backend), on a loopback port.
import { FakeGithub } from '../../plugins/catalog-edits-backend/src/tests/fakeGithub';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const db = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const EDITS = Number(process.env.EDITS ?? 50);
const STOCK_SLOW_EDITS = Number(process.env.STOCK_SLOW_EDITS ?? 3);
const BOUND_S = Number(process.env.BOUND_S ?? 20);
const STRATA_INTERVAL = { minutes: 10 }; // app-config.yaml's catalog.processingInterval
const SECRET = 'bench-secret';
const log = (m: string) =>
  process.stderr.write(`[${new Date().toISOString()}] ${db}: ${m}\n`);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const component = (name: string, description: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: "${description}"\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/payments\n`;
const api = (name: string, description: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: ${name}\n  description: "${description}"\nspec:\n  type: openapi\n  lifecycle: production\n  owner: group:default/payments\n  definition: "openapi: 3.0.0"\n`;

type Backend = { url: string; stop: () => Promise<void> };

async function start(features: any[], config: object): Promise<Backend> {
  const databases = perPluginDatabase(db);
  const backend = await startTestBackend({
    features: [
      ...features,
      eventsServiceFactory,
      databases.factory,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  const address = backend.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await backend.stop();
      await databases.cleanup();
    },
  };
}

async function description(b: Backend, kind: string, name: string) {
  const res = await fetch(
    `${b.url}/api/catalog/entities/by-name/${kind}/default/${name}`,
  );
  if (res.status !== 200) return undefined;
  return ((await res.json()) as any).metadata.description as string;
}

/** Seconds until the entity reads `want`, or Infinity after BOUND_S. */
async function until(
  b: Backend,
  kind: string,
  name: string,
  want: string,
  from: number,
) {
  while (Date.now() - from < BOUND_S * 1000) {
    if ((await description(b, kind, name)) === want)
      return (Date.now() - from) / 1000;
    await sleep(100);
  }
  return Infinity;
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

type Row = {
  path: string;
  variant: string;
  file: string;
  edits: number;
  p50: number;
  p95: number;
  max: number;
};
const rows: Row[] = [];
const record = (
  path_: string,
  variant: string,
  file: string,
  seconds: number[],
) => {
  rows.push({
    path: path_,
    variant,
    file,
    edits: seconds.length,
    p50: percentile(seconds, 50),
    p95: percentile(seconds, 95),
    max: Math.max(...seconds),
  });
  log(`${path_}/${variant}/${file}: ${JSON.stringify(rows[rows.length - 1])}`);
};

async function webhook(
  variant: 'stock' | 'strata',
  github: FakeGithub,
  apiBaseUrl: string,
) {
  const files: Record<string, string> = {
    'catalog-info.yaml': component('billing', 'v0'),
    'docs/billing-api.yaml': api('billing-api', 'v0'),
  };
  github.addRepo({ owner: 'dataflow', name: 'billing', files });
  const b = await start(
    [
      catalogPlugin,
      githubCatalogModule,
      eventsPlugin,
      // Stock receives webhooks with Backstage's module, Strata with its own (401 on a bad
      // signature); both publish the same github.push events.
      ...(variant === 'strata'
        ? [
            strictGithubWebhookModule,
            githubPushRefreshModule,
            sourceStampModule,
          ]
        : [githubEventsModule]),
    ],
    {
      integrations: {
        github: [{ host: 'github.com', apiBaseUrl, token: github.token }],
      },
      events: {
        useEventBus: 'never',
        modules: { github: { webhookSecret: SECRET } },
      },
      catalog: {
        ...(variant === 'strata'
          ? { processingInterval: STRATA_INTERVAL }
          : {}),
        rules: [{ allow: ['Component', 'API', 'Location'] }],
        providers: {
          github: {
            dataflow: {
              organization: 'dataflow',
              catalogPath: '/catalog-info.yaml',
              filters: { branch: 'main' },
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 1 },
                initialDelay: { hours: 24 },
              },
            },
          },
        },
      },
    },
  );
  try {
    const deliver = async (paths: {
      added?: string[];
      modified?: string[];
    }) => {
      const body = JSON.stringify({
        ref: 'refs/heads/main',
        after: randomUUID().replace(/-/g, ''),
        deleted: false,
        repository: {
          name: 'billing',
          full_name: 'dataflow/billing',
          html_url: 'https://github.com/dataflow/billing',
          default_branch: 'main',
          owner: { login: 'dataflow' },
        },
        organization: { login: 'dataflow' },
        commits: [
          {
            id: randomUUID(),
            added: paths.added ?? [],
            removed: [],
            modified: paths.modified ?? [],
          },
        ],
      });
      const res = await fetch(`${b.url}/api/events/http/github`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'push',
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET)
            .update(body)
            .digest('hex')}`,
        },
      });
      if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
    };
    // Discovery's add of the catalog file (a push that added it), and the API registered by hand.
    await deliver({ added: ['catalog-info.yaml'] });
    const reg = await fetch(`${b.url}/api/catalog/locations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'url',
        target:
          'https://github.com/dataflow/billing/blob/main/docs/billing-api.yaml',
      }),
    });
    if (reg.status !== 201)
      throw new Error(
        `registering answered ${reg.status}: ${await reg.text()}`,
      );
    if ((await until(b, 'component', 'billing', 'v0', Date.now())) === Infinity)
      throw new Error('billing never ingested');
    if ((await until(b, 'api', 'billing-api', 'v0', Date.now())) === Infinity)
      throw new Error('billing-api never ingested');

    for (const [file, kind, name, make, n] of [
      ['catalog-info.yaml', 'component', 'billing', component, EDITS],
      [
        'docs/billing-api.yaml',
        'api',
        'billing-api',
        api,
        variant === 'stock' ? STOCK_SLOW_EDITS : EDITS,
      ],
    ] as const) {
      const seconds: number[] = [];
      for (let i = 1; i <= n; i++) {
        const want = `v${i}`;
        files[file] = make(name, want);
        github.addRepo({ owner: 'dataflow', name: 'billing', files });
        const from = Date.now();
        await deliver({ modified: [file] });
        seconds.push(await until(b, kind, name, want, from));
      }
      record('webhook', variant, file, seconds);
    }
  } finally {
    await b.stop();
  }
}

async function localFile(variant: 'stock' | 'strata') {
  const dir = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'freshness-')),
  );
  const org = path.join(dir, 'org');
  fs.mkdirSync(org);
  const file = path.join(org, 'payments.yaml');
  fs.writeFileSync(
    path.join(org, 'catalog-info.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: org\nspec:\n  targets: [./payments.yaml]\n',
  );
  fs.writeFileSync(file, component('payments', 'v0'));
  const b = await start(
    [
      catalogPlugin,
      ...(variant === 'strata'
        ? [localRepositoriesModule, fileWatchModule, sourceStampModule]
        : []),
    ],
    {
      catalog: {
        ...(variant === 'strata'
          ? { processingInterval: STRATA_INTERVAL }
          : {}),
        rules: [{ allow: ['Component', 'Location'] }],
        locations: [
          { type: 'file', target: path.join(org, 'catalog-info.yaml') },
        ],
      },
      strata: {
        scaffolder: { localRepositoriesDir: path.join(dir, 'repositories') },
        catalog: { allowedFileLocationRoots: [org] },
      },
    },
  );
  try {
    if (
      (await until(b, 'component', 'payments', 'v0', Date.now())) === Infinity
    )
      throw new Error('payments never ingested');
    const seconds: number[] = [];
    for (
      let i = 1;
      i <= (variant === 'stock' ? STOCK_SLOW_EDITS : EDITS);
      i++
    ) {
      const from = Date.now();
      fs.writeFileSync(file, component('payments', `v${i}`));
      seconds.push(await until(b, 'component', 'payments', `v${i}`, from));
    }
    record('local file', variant, 'org/payments.yaml', seconds);
  } finally {
    await b.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const github = new FakeGithub({ token: 'ghp_bench' });
  const apiBaseUrl = await github.start();
  try {
    for (const variant of ['stock', 'strata'] as const) {
      await webhook(variant, github, apiBaseUrl);
      await localFile(variant);
    }
  } finally {
    await github.stop();
  }
  const s = (v: number) =>
    v === Infinity ? `> ${BOUND_S} s` : `${v.toFixed(2)} s`;
  process.stdout.write(
    `\n${db}: change → visible (bound ${BOUND_S} s per edit)\n\n| path | file | variant | edits | p50 | p95 | max |\n|---|---|---|---|---|---|---|\n`,
  );
  for (const r of rows)
    process.stdout.write(
      `| ${r.path} | ${r.file} | ${r.variant} | ${r.edits} | ${s(r.p50)} | ${s(
        r.p95,
      )} | ${s(r.max)} |\n`,
    );
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
