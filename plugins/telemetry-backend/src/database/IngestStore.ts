import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { edgesToHours, graphOfBatch, mergeEdges } from '../aggregate/graph';
import { MINUTE_MS, redByMinute, toHours } from '../aggregate/minutes';
import { RecentSpans } from '../aggregate/RecentSpans';
import { ReceivedSpan } from '../otlp/spans';
import { insertJson } from './insertJson';
import { meetPending } from './pendingPairs';
import { SampleWriter } from './SampleWriter';
import { seenKey } from './seenKey';
import {
  EDGE_HOURS,
  EDGE_MINUTES,
  isPostgres,
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

/** The most spans one group commit takes; batches beyond it start the next group. */
export const MAX_GROUP_SPANS = 10_000;

interface GroupMember {
  spans: readonly ReceivedSpan[];
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: unknown) => void;
}

interface Group {
  members: GroupMember[];
  spans: number;
}

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
 * 3. Caller/callee halves meet in the pending-pair tables ({@link meetPending}); each meeting
 *    is an edge.
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
  /** The group that batches handed in now join; committed at the end of this event-loop turn. */
  private group: Group | undefined;

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

  /**
   * Stores a batch; resolves once it is committed. Batches handed in during the same turn of the
   * event loop (the receiver's queue starts waiting batches together) are committed in one
   * transaction, up to {@link MAX_GROUP_SPANS} spans: the seen-window insert, the upserts and the
   * commit are paid once for all of them. Each batch still gets its own outcome, counted after
   * the commit. If a group's transaction fails, its batches are tried again one by one, so a
   * batch the database refuses fails alone.
   */
  ingest(spans: readonly ReceivedSpan[]): Promise<IngestOutcome> {
    return new Promise((resolve, reject) => {
      if (!this.group || this.group.spans + spans.length > MAX_GROUP_SPANS) {
        const group: Group = { members: [], spans: 0 };
        this.group = group;
        setImmediate(() => {
          if (this.group === group) this.group = undefined;
          this.commitGroup(group.members);
        });
      }
      this.group.members.push({ spans, resolve, reject });
      this.group.spans += spans.length;
    });
  }

  private async commitGroup(members: GroupMember[]) {
    try {
      const outcomes = await this.ingestTogether(members.map(m => m.spans));
      members.forEach((m, i) => m.resolve(outcomes[i]));
    } catch (error) {
      if (members.length === 1) {
        members[0].reject(error);
        return;
      }
      for (const m of members) {
        await this.ingestTogether([m.spans]).then(
          ([outcome]) => m.resolve(outcome),
          e => m.reject(e),
        );
      }
    }
  }

  /** One transaction for the batches; the outcome of each. */
  private async ingestTogether(
    batches: ReadonlyArray<readonly ReceivedSpan[]>,
  ): Promise<IngestOutcome[]> {
    // A span id repeated (in a batch or across the group) counts once: the first; the rest
    // are duplicates.
    const ids = new Set<string>();
    const unique = new Map<string, ReceivedSpan>();
    const owned = batches.map(spans => {
      const keys: string[] = [];
      for (const span of spans) {
        const id = span.traceId + span.spanId;
        if (ids.has(id)) continue;
        ids.add(id);
        const key = seenKey(span);
        unique.set(key, span);
        keys.push(key);
      }
      return keys;
    });
    const fresh = await this.transaction(unique);
    return batches.map((spans, i) => {
      const stored = owned[i].filter(key => fresh.has(key)).length;
      return { stored, duplicates: spans.length - stored };
    });
  }

  private async transaction(batch: Map<string, ReceivedSpan>): Promise<Set<string>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(tx => this.ingestIn(tx, batch));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt < RETRIES && (code === '40P01' || code === '40001')) continue;
        throw error;
      }
    }
  }

  /** Writes the spans whose keys were not seen yet; returns those keys. */
  private async ingestIn(
    tx: Knex.Transaction,
    batch: Map<string, ReceivedSpan>,
  ): Promise<Set<string>> {
    const nowMs = this.now();
    const fresh = await this.markSeen(tx, [...batch.keys()].sort(), nowMs);
    const spans = [...batch].filter(([key]) => fresh.has(key)).map(([, span]) => span);
    if (spans.length === 0) return fresh;

    if (isPostgres(tx)) {
      await tx.raw('SELECT pg_advisory_xact_lock_shared(?)', [ROLLUP_LOCK_KEY]);
    }
    const rolledUpUntil = (await readState(tx, ROLLED_UP_UNTIL)) ?? 0;

    const red = redByMinute(spans);
    await upsertAddRed(tx, RED_MINUTES, red);
    await upsertAddRed(tx, RED_HOURS, toHours(red.filter(r => r.bucketMs < rolledUpUntil)));

    const graph = graphOfBatch(spans);
    const edges = mergeEdges(
      [...graph.edges, ...(await meetPending(tx, graph.pending, nowMs))],
      MINUTE_MS,
    );
    await upsertAddEdges(tx, EDGE_MINUTES, edges);
    await upsertAddEdges(
      tx,
      EDGE_HOURS,
      edgesToHours(edges.filter(e => e.bucketMs < rolledUpUntil)),
    );

    await this.samples.write(tx, spans, nowMs);
    return fresh;
  }

  /** Inserts the keys ({@link seenKey}) into the seen window; returns those that were not there yet. */
  private async markSeen(tx: Knex.Transaction, keys: string[], nowMs: number) {
    const rows = await insertJson(
      tx,
      SEEN_SPANS,
      ['span_key', 'seen_at'],
      keys.map(key => ({ span_key: key, seen_at: nowMs })),
      '(span_key) DO NOTHING',
      'span_key',
    );
    return new Set(rows.map(row => row.span_key as string));
  }
}
