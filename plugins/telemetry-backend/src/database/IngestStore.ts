import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  EdgeDelta,
  edgesToHours,
  graphOfBatch,
  mergeEdges,
  PendingHalf,
  serviceNode,
} from '../aggregate/graph';
import { floorTo, MINUTE_MS, redByMinute, toHours } from '../aggregate/minutes';
import { RecentSpans } from '../aggregate/RecentSpans';
import { ReceivedSpan } from '../otlp/spans';
import { SampleWriter } from './SampleWriter';
import {
  chunks,
  EDGE_HOURS,
  insertValues,
  EDGE_MINUTES,
  isPostgres,
  PENDING_PAIRS,
  readState,
  RED_HOURS,
  RED_MINUTES,
  ROLLED_UP_UNTIL,
  SEEN_SPANS,
  upsertAddEdges,
  upsertAddRed,
} from './tables';

/** What one ingest did: spans counted now, and spans already counted before (a retried batch). */
export interface IngestOutcome {
  stored: number;
  duplicates: number;
}

/**
 * PostgreSQL advisory-lock key of the rollup (any constant; "telemetr" in ASCII). Ingests hold
 * it shared, the rollup exclusively: a rollup never reads an hour's minutes while an ingest is
 * adding late spans to that hour without also adding them to the hour row.
 */
export const ROLLUP_LOCK_KEY = 0x74656c656d657472n.toString();

/** Deadlocks and serialization failures are retried this often before the ingest fails. */
const RETRIES = 3;

export async function migrateTelemetry(client: Knex): Promise<void> {
  await client.migrate.latest({
    directory: resolvePackagePath('@internal/plugin-telemetry-backend', 'migrations'),
  });
}

/**
 * The write side: one transaction per batch, committed before the receiver answers 200.
 *
 * 1. The batch's span keys go into the seen-spans window with insert-or-ignore; only the spans
 *    this insert added are counted. On PostgreSQL a second replica inserting the same key waits
 *    for the first one's commit and then ignores it: each span counts once, whichever replica
 *    gets it, however often it is retried.
 * 2. RED per minute and graph edges are added with upsert-add; minutes already rolled up into
 *    hours (late spans) are added to the hour rows too.
 * 3. Caller/callee halves meet in the pending-pair table; a completed pair is an edge.
 * 4. The trace samples take their candidates.
 */
export class IngestStore {
  static async create(options: {
    database: DatabaseService;
    recentSpans?: number;
    now?: () => number;
  }): Promise<IngestStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) await migrateTelemetry(client);
    return new IngestStore(client, options);
  }

  private readonly samples: SampleWriter;
  private readonly now: () => number;

  constructor(
    private readonly db: Knex,
    options: { recentSpans?: number; now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.samples = new SampleWriter(new RecentSpans(options.recentSpans ?? 20_000));
  }

  get client(): Knex {
    return this.db;
  }

  async ingest(spans: readonly ReceivedSpan[]): Promise<IngestOutcome> {
    const unique = new Map<string, ReceivedSpan>();
    for (const span of spans) {
      const key = span.traceId + span.spanId;
      if (!unique.has(key)) unique.set(key, span);
    }
    const repeatedInBatch = spans.length - unique.size;
    for (let attempt = 1; ; attempt++) {
      try {
        const stored = await this.db.transaction(tx => this.ingestIn(tx, unique));
        return { stored, duplicates: unique.size - stored + repeatedInBatch };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt < RETRIES && (code === '40P01' || code === '40001')) continue;
        throw error;
      }
    }
  }

  private async ingestIn(
    tx: Knex.Transaction,
    batch: Map<string, ReceivedSpan>,
  ): Promise<number> {
    const nowMs = this.now();
    const fresh = await this.markSeen(tx, [...batch.keys()].sort(), nowMs);
    const spans = [...batch.values()].filter(s => fresh.has(s.traceId + s.spanId));
    if (spans.length === 0) return 0;

    if (isPostgres(tx)) {
      await tx.raw('SELECT pg_advisory_xact_lock_shared(?)', [ROLLUP_LOCK_KEY]);
    }
    const rolledUpUntil = (await readState(tx, ROLLED_UP_UNTIL)) ?? 0;

    const red = redByMinute(spans);
    await upsertAddRed(tx, RED_MINUTES, red);
    await upsertAddRed(tx, RED_HOURS, toHours(red.filter(r => r.bucketMs < rolledUpUntil)));

    const graph = graphOfBatch(spans);
    const edges = mergeEdges(
      [...graph.edges, ...(await this.meetPending(tx, graph.pending, nowMs))],
      MINUTE_MS,
    );
    await upsertAddEdges(tx, EDGE_MINUTES, edges);
    await upsertAddEdges(
      tx,
      EDGE_HOURS,
      edgesToHours(edges.filter(e => e.bucketMs < rolledUpUntil)),
    );

    await this.samples.write(tx, spans, nowMs);
    return spans.length;
  }

  /** Inserts the keys into the seen window; returns those that were not there yet. */
  private async markSeen(tx: Knex.Transaction, keys: string[], nowMs: number) {
    const fresh = new Set<string>();
    for (const chunk of chunks(keys, 500)) {
      const rows = await insertValues(
        tx,
        SEEN_SPANS,
        ['span_key', 'seen_at'],
        chunk.map(key => [key, nowMs]),
        '(span_key) DO NOTHING',
        'span_key',
      );
      for (const row of rows) fresh.add(row.span_key as string);
    }
    return fresh;
  }

  /**
   * Each half is upserted under its pair key, filling in its side; a row with both sides is a
   * completed pair (an edge) and is removed. The upsert makes two replicas that receive the two
   * halves at once meet too: the second waits for the first's row and then completes it.
   */
  private async meetPending(
    tx: Knex.Transaction,
    halves: PendingHalf[],
    nowMs: number,
  ): Promise<EdgeDelta[]> {
    if (halves.length === 0) return [];
    const byKey = new Map<string, PendingHalf>();
    for (const half of halves) byKey.set(half.pairKey, half);
    const rows = [...byKey.values()]
      .sort((a, b) => (a.pairKey < b.pairKey ? -1 : 1))
      .map(h => ({
        pair_key: h.pairKey,
        client_service: h.side === 'client' ? h.serviceName : null,
        server_service: h.side === 'server' ? h.serviceName : null,
        kind: h.kind,
        client_error: h.side === 'client' ? h.error : null,
        server_error: h.side === 'server' ? h.error : null,
        at_ms: Math.floor(h.atMs),
        created_at: nowMs,
      }));
    const t = PENDING_PAIRS;
    const completed: EdgeDelta[] = [];
    const done: string[] = [];
    const least = isPostgres(tx) ? 'LEAST' : 'MIN';
    const columns = Object.keys(rows[0]) as Array<keyof (typeof rows)[number]>;
    for (const chunk of chunks(rows, 200)) {
      const merged = await insertValues(
        tx,
        t,
        columns,
        chunk.map(r => columns.map(c => r[c])),
        `(pair_key) DO UPDATE SET ` +
          `client_service = COALESCE(excluded.client_service, ${t}.client_service), ` +
          `server_service = COALESCE(excluded.server_service, ${t}.server_service), ` +
          `client_error = COALESCE(excluded.client_error, ${t}.client_error), ` +
          `server_error = COALESCE(excluded.server_error, ${t}.server_error), ` +
          // The caller knows the kind of call best (rpc, messaging); a callee only guesses.
          `kind = CASE WHEN excluded.client_service IS NULL THEN ${t}.kind ELSE excluded.kind END, ` +
          `at_ms = ${least}(${t}.at_ms, excluded.at_ms)`,
        'pair_key, client_service, server_service, kind, client_error, server_error, at_ms',
      );
      for (const row of merged) {
        if (!row.client_service || !row.server_service) continue;
        done.push(row.pair_key as string);
        if (row.client_service === row.server_service) continue;
        const atMs = Number(row.at_ms);
        completed.push({
          source: serviceNode(row.client_service as string),
          target: serviceNode(row.server_service as string),
          kind: row.kind as EdgeDelta['kind'],
          bucketMs: floorTo(atMs, MINUTE_MS),
          count: 1,
          errors: row.client_error || row.server_error ? 1 : 0,
          firstSeenMs: atMs,
          lastSeenMs: atMs,
        });
      }
    }
    for (const chunk of chunks(done, 500)) {
      await tx(t).whereIn('pair_key', chunk).delete();
    }
    return completed;
  }
}
