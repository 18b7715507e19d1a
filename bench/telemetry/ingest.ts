/*
 * Sustained OTLP/HTTP trace ingest of plugins/telemetry-backend on one core: the receiver and its
 * store run in a child process (its CPU time and peak RSS are the figures); this process only
 * sends prepared batches over loopback. See bench/telemetry/README.md.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/telemetry/ingest.ts [--db sqlite|postgres] [--batches 200] [--concurrency 4]
 *
 * A batch is 512 spans of 10 services (64 traces of 8 spans: gateway server and client, a
 * service's server span, its database call, internal work, …, ~2 % failing), made by the
 * OpenTelemetry JS SDK and serialised by its own OTLP serializers (protobuf, then JSON), all with
 * fresh ids so nothing is de-duplicated away. Prints a Markdown table; asserts nothing; stops
 * what it started; gives up after 5 minutes.
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import { providerFor } from '../../plugins/telemetry-backend/src/__testUtils__/sdkSpans';
import { IngestStore, migrateTelemetry } from '../../plugins/telemetry-backend/src/database/IngestStore';
import { IngestQueue } from '../../plugins/telemetry-backend/src/receiver/IngestQueue';
import { createOtlpReceiver } from '../../plugins/telemetry-backend/src/receiver/otlpReceiver';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const role = arg('role', 'main');
const bound = setTimeout(() => {
  console.error(`bench/telemetry/ingest.ts (${role}): gave up after 5 minutes`);
  process.exit(2);
}, 5 * 60_000);
bound.unref();

const SERVICES = ['gateway', 'auth', 'orders', 'billing', 'catalog', 'search', 'pipeline', 'etl', 'notify', 'users'];

/** 64 traces × 8 spans = 512 spans, ending in the last minute. */
function makeBatch(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter });
  const providers = new Map(SERVICES.map(s => [s, providerFor(s, processor)]));
  const now = Date.now() - 30_000;
  for (let t = 0; t < 64; t++) {
    const callee = SERVICES[1 + (t % 9)];
    const gw = providers.get('gateway')!.getTracer('bench');
    const svc = providers.get(callee)!.getTracer('bench');
    const start = now + t;
    const failing = t % 50 === 7;
    const root = gw.startSpan('GET /api/{resource}', { kind: SpanKind.SERVER, startTime: start, attributes: { 'http.route': '/api/{resource}', 'http.request.method': 'GET', 'http.response.status_code': failing ? 502 : 200 } });
    const rootCtx = trace.setSpan(context.active(), root);
    const auth = gw.startSpan('verify token', { kind: SpanKind.INTERNAL, startTime: start + 1 }, rootCtx);
    auth.end(start + 2);
    const call = gw.startSpan('GET', { kind: SpanKind.CLIENT, startTime: start + 2, attributes: { 'server.address': callee } }, rootCtx);
    const callCtx = trace.setSpan(context.active(), call);
    const server = svc.startSpan(`GET /${callee}/{id}`, { kind: SpanKind.SERVER, startTime: start + 3, attributes: { 'http.route': `/${callee}/{id}`, 'http.response.status_code': failing ? 500 : 200 } }, callCtx);
    const serverCtx = trace.setSpan(context.active(), server);
    const q = svc.startSpan('SELECT', { kind: SpanKind.CLIENT, startTime: start + 4, attributes: { 'db.system': 'postgresql', 'db.namespace': callee, 'db.operation.name': 'SELECT' } }, serverCtx);
    q.end(start + 6 + (t % 7));
    const work = svc.startSpan('render', { kind: SpanKind.INTERNAL, startTime: start + 7 }, serverCtx);
    work.end(start + 9);
    const publish = svc.startSpan(`${callee}.changed publish`, { kind: SpanKind.PRODUCER, startTime: start + 9, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': `${callee}.changed` } }, serverCtx);
    publish.end(start + 10);
    const cache = svc.startSpan('GET cache', { kind: SpanKind.CLIENT, startTime: start + 10, attributes: { 'db.system': 'redis' } }, serverCtx);
    cache.end(start + 11);
    if (failing) server.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
    server.end(start + 12 + (t % 40));
    call.end(start + 13 + (t % 40));
    root.end(start + 15 + (t % 40));
  }
  return exporter.getFinishedSpans();
}

function post(port: number, agent: http.Agent, type: string, body: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/v1/traces', method: 'POST', agent, headers: { 'content-type': type, 'content-length': body.length } }, res => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface ServerFigures {
  cpuMs: number;
  peakRssMb: number;
  stored: number;
}

function startServer(db: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(__filename, ['--role', 'server', '--db', db], { execArgv: process.execArgv });
  return new Promise((resolve, reject) => {
    const onMessage = (m: { bench?: { port: number } }) => {
      if (!m?.bench) return;
      child.off('message', onMessage);
      resolve({ child, port: m.bench.port });
    };
    child.on('message', onMessage);
    child.once('exit', code => reject(new Error(`server exited ${code}`)));
  });
}

function ask<T>(child: ChildProcess, command: string): Promise<T> {
  return new Promise(resolve => {
    // The node transform sends its own messages on the same channel: ours carry `bench`.
    const onMessage = (m: { bench?: T }) => {
      if (!m?.bench) return;
      child.off('message', onMessage);
      resolve(m.bench);
    };
    child.on('message', onMessage);
    child.send(command);
  });
}

async function main() {
  const db = arg('db', 'sqlite');
  const batches = Number(arg('batches', '200'));
  const concurrency = Number(arg('concurrency', '4'));
  process.stderr.write(`preparing ${batches} batches of 512 spans…\n`);
  const spans = Array.from({ length: batches }, makeBatch);
  const rows: string[] = [];
  for (const encoding of ['protobuf', 'json'] as const) {
    const bodies = spans.map(s =>
      encoding === 'protobuf' ? ProtobufTraceSerializer.serializeRequest(s)! : JsonTraceSerializer.serializeRequest(s)!,
    );
    const type = encoding === 'protobuf' ? 'application/x-protobuf' : 'application/json';
    const { child, port } = await startServer(db);
    try {
      const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
      // Warm-up: one batch (JIT, prepared statements), not counted.
      await post(port, agent, type, bodies[0]);
      await ask(child, 'reset');
      let next = 1;
      const statuses = new Map<number, number>();
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < bodies.length) {
            const status = await post(port, agent, type, bodies[next++]);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      const figures = await ask<ServerFigures>(child, 'figures');
      agent.destroy();
      const bytes = bodies.slice(1).reduce((n, b) => n + b.length, 0) / (bodies.length - 1);
      rows.push(
        `| ${encoding} | ${db} | ${figures.stored} | ${Math.round(bytes / 1024)} KiB | ${wallS.toFixed(1)} s | ${Math.round(figures.stored / wallS)} | ${(figures.cpuMs / 1000).toFixed(1)} s | **${Math.round(figures.stored / (figures.cpuMs / 1000))}** | ${figures.peakRssMb} MB | ${[...statuses].map(([s, n]) => `${n}×${s}`).join(' ')} |`,
      );
    } finally {
      child.kill();
    }
  }
  console.log('| encoding | database | spans stored | batch body | wall | spans/s (wall) | receiver CPU | spans/s per CPU-second | receiver peak RSS | answers |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  rows.forEach(r => console.log(r));
}

async function server() {
  const db = arg('db', 'sqlite');
  const stamp = `${process.pid}_${Date.now()}`;
  let knex: Knex;
  let cleanup = async () => {};
  if (db === 'postgres') {
    const admin = knexFactory({ client: 'pg', connection: 'postgresql://postgres@127.0.0.1:5432/postgres' });
    await admin.raw(`CREATE DATABASE telemetry_bench_${stamp}`);
    knex = knexFactory({ client: 'pg', connection: `postgresql://postgres@127.0.0.1:5432/telemetry_bench_${stamp}`, pool: { min: 1, max: 5 } });
    cleanup = async () => {
      await knex!.destroy();
      await admin.raw(`DROP DATABASE telemetry_bench_${stamp}`);
      await admin.destroy();
    };
  } else {
    const file = `/tmp/telemetry-bench-${stamp}.sqlite`;
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
    await knex.raw('PRAGMA journal_mode = WAL');
    cleanup = async () => {
      await knex!.destroy();
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}-wal`, { force: true });
      fs.rmSync(`${file}-shm`, { force: true });
    };
  }
  await migrateTelemetry(knex);
  const store = new IngestStore(knex);
  let stored = 0;
  const quiet = { error: (m: string) => process.stderr.write(`receiver: ${m}\n`), warn: () => {}, info: () => {}, debug: () => {}, child: () => quiet };
  const app = express();
  app.use(
    createOtlpReceiver({
      httpAuth: { credentials: async () => ({}) } as never,
      logger: quiet as never,
      limits: { maxBodyBytes: 8 * 1024 * 1024, maxDecompressedBytes: 64 * 1024 * 1024 },
      queue: new IngestQueue({ maxQueuedSpans: 50_000, concurrency: db === 'postgres' ? 4 : 1 }),
      ingest: async spans => {
        const outcome = await store.ingest(spans);
        stored += outcome.stored;
        return outcome;
      },
      oldestEndMs: () => Date.now() - 2 * 86_400_000,
      retentionText: '2d',
    }),
  );
  let peakRss = 0;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  let cpuStart = process.cpuUsage();
  const listener = app.listen(0, '127.0.0.1', () => {
    process.send!({ bench: { port: (listener.address() as { port: number }).port } });
  });
  process.on('message', async command => {
    if (command === 'reset') {
      stored = 0;
      cpuStart = process.cpuUsage();
      peakRss = process.memoryUsage().rss;
      process.send!({ bench: {} });
    } else if (command === 'figures') {
      const cpu = process.cpuUsage(cpuStart);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      process.send!({ bench: { cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: Math.round(peakRss / 1024 / 1024), stored } });
    }
  });
  const stop = async () => {
    clearInterval(sample);
    listener.close();
    await cleanup();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

(role === 'server' ? server() : main()).catch(error => {
  console.error(error);
  process.exit(1);
});
