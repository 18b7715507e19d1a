/*
 * What governance-backend adds to the pure evaluation (bench/governance): one evaluation of the
 * synthetic organisation through the plugin's Evaluator — rules, checks, storing the results as
 * JSON, the day's history counts, retention — on SQLite (a temporary file) and, when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, PostgreSQL (a throw-away
 * database); then the API's reads on the stored evaluation: the latest evaluation from the
 * database (another replica's first read), findings of one team, a team's scorecards, rollups by
 * owner. The catalog read itself is not included (the entities are handed over in memory).
 *
 *   node --expose-gc --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/governance-backend/evaluate-and-store.ts [--services 10000]
 *
 * Loopback only; gives up after 10 minutes; prints a Markdown table and asserts nothing.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_CHECKS,
  DEFAULT_GOVERNANCE_OPTIONS,
  DEFAULT_LEVELS,
} from '@internal/plugin-governance-common';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EvaluationStore } from '../../plugins/governance-backend/src/database/EvaluationStore';
import { HistoryStore } from '../../plugins/governance-backend/src/database/HistoryStore';
import { WaiverStore } from '../../plugins/governance-backend/src/database/WaiverStore';
import { Evaluator } from '../../plugins/governance-backend/src/evaluation/Evaluator';
import { CatalogInput } from '../../plugins/governance-backend/src/inputs/catalogInput';
import { GovernanceViews } from '../../plugins/governance-backend/src/service/views';
import { generateOrganisation } from '../governance/organisation';

const args = process.argv.slice(2);
const services = Number(args[args.indexOf('--services') + 1] || 10000) || 10000;
setTimeout(() => {
  console.error('gave up after 10 minutes');
  process.exit(2);
}, 10 * 60_000).unref();

const GOVERNANCE = {
  checks: DEFAULT_CHECKS,
  levels: DEFAULT_LEVELS,
  options: DEFAULT_GOVERNANCE_OPTIONS,
};
const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silent;
  },
} as unknown as LoggerService;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - start)];
}

async function run(name: string, db: Knex) {
  await db.migrate.latest({
    directory: path.resolve(
      __dirname,
      '../../plugins/governance-backend/migrations',
    ),
  });
  const { input } = generateOrganisation(services);
  // The catalog's part is handed over in memory: this measures what the plugin adds.
  const catalog = {
    readAll: async () => ({ entities: input.entities, fingerprint: 'bench' }),
    fingerprint: async () => 'bench',
  } as unknown as CatalogInput;
  const evaluations = new EvaluationStore(db);
  const waivers = new WaiverStore(db);
  const evaluator = new Evaluator({
    catalog,
    edges: async window => ({
      window,
      edges: (input.observedEdges ?? []).map(e => ({
        ...e,
        errors: 0,
        firstSeen: '',
        lastSeen: '',
        declared: e.declared ?? false,
      })),
      neverObserved: input.unobservedDeclarations ?? [],
    }),
    evaluations,
    history: new HistoryStore(db),
    waivers,
    governance: GOVERNANCE,
    telemetryWindow: '24h',
    retention: { evaluations: 20, historyDays: 365 },
    logger: silent,
  });
  const [evaluation, evaluateMs] = await time(() => evaluator.run('api'));
  const bytes =
    JSON.stringify(evaluation.findings).length +
    JSON.stringify(evaluation.checkResults).length +
    JSON.stringify(evaluation.entities).length;

  const views = new GovernanceViews(
    new EvaluationStore(db),
    waivers,
    GOVERNANCE,
  );
  const [, firstReadMs] = await time(() => views.current());
  const owner = evaluation.findings.find(f => f.owners.length)?.owners[0] ?? '';
  const [teamFindings, findingsMs] = await time(() =>
    views.findings({ owner }),
  );
  const [cards, scorecardsMs] = await time(() => views.scorecards({ owner }));
  const [rollups, rollupsMs] = await time(() => views.rollups('owner'));
  // The next request with the same evaluation and waivers is served from the views' cache.
  const [, rollupsAgainMs] = await time(() => views.rollups('owner'));
  console.log(
    `| ${name} | ${services.toLocaleString(
      'en',
    )} | ${evaluation.findings.length.toLocaleString(
      'en',
    )} | ${evaluation.checkResults.length.toLocaleString('en')} | ${(
      bytes / 1048576
    ).toFixed(1)} | ${evaluateMs.toLocaleString(
      'en',
    )} | ${firstReadMs.toLocaleString('en')} | ${findingsMs} (${
      teamFindings.items.length
    }) | ${scorecardsMs} (${cards.items.length}) | ${rollupsMs} (${
      rollups.items.length
    }), then ${rollupsAgainMs} | ${Math.round(
      process.memoryUsage().rss / 1048576,
    )} |`,
  );
}

async function main() {
  console.log(
    "| database | services | findings | check results | stored MiB (JSON) | evaluate + store ms | first read of the latest ms | one team's findings ms | one team's scorecards ms | rollups by owner ms (groups), then cached | RSS MiB |",
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'governance-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'governance.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await run('SQLite', sqlite);
  } finally {
    await sqlite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!pg) return;
  const database = `governance_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: pg });
  await admin.raw(`CREATE DATABASE ${database}`);
  const client = knexFactory({
    client: 'pg',
    connection: `${pg.replace(/\/$/, '')}/${database}`,
  });
  try {
    await run('PostgreSQL', client);
  } finally {
    await client.destroy();
    await admin.raw(`DROP DATABASE ${database}`);
    await admin.destroy();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
