import { Knex } from 'knex';
import { EdgeDelta, PendingHalf, serviceNode } from '../aggregate/graph';
import { floorTo, MINUTE_MS } from '../aggregate/minutes';
import { insertJson } from './insertJson';
import { chunks, PENDING_PAIRS, PENDING_RECEIVERS } from './tables';

interface Callee {
  service: string;
  error: boolean;
  atMs: number;
}

/**
 * Halves of caller/callee pairs that arrived in different batches meet here; each meeting is
 * an edge (count 1). One caller (client or producer span) may meet several callees: a CLIENT
 * span has one SERVER span, a PRODUCER span one CONSUMER span per subscriber, arriving before or
 * after it, in any batches.
 *
 * 1. Every half upserts its pair's row in `telemetry_pending_pairs` (a caller fills in its side;
 *    a callee leaves it as it is), in key order. That row is where two replicas meet: on
 *    PostgreSQL the second upsert of a key waits for the first transaction's commit, so a
 *    caller and a callee ingested at once never both miss each other.
 * 2. A callee whose pair row has its caller makes an edge now; else it waits in
 *    `telemetry_pending_receivers` (one row per callee span).
 * 3. A caller that arrived now takes the callees waiting for it.
 * 4. A client pair that met its server is removed. A producer's row stays until retention
 *    (`telemetry.retention.pendingPairs`): more consumers may still come.
 */
export async function meetPending(
  tx: Knex.Transaction,
  halves: readonly PendingHalf[],
  nowMs: number,
): Promise<EdgeDelta[]> {
  if (halves.length === 0) return [];
  const callers = new Map<string, PendingHalf>();
  const callees = new Map<string, Map<string, PendingHalf>>();
  for (const half of halves) {
    if (half.side === 'client') {
      callers.set(half.pairKey, half);
    } else {
      const byKey = callees.get(half.pairKey) ?? new Map<string, PendingHalf>();
      byKey.set(half.spanKey, half);
      callees.set(half.pairKey, byKey);
    }
  }
  const keys = [...new Set([...callers.keys(), ...callees.keys()])].sort();

  const pairs = await upsertPairs(tx, keys, callers, callees, nowMs);
  const waiting = await takeWaiting(
    tx,
    keys.filter(k => callers.has(k)),
  );

  const edges: EdgeDelta[] = [];
  const metClients: string[] = [];
  const toWait: Array<Record<string, string | number | boolean>> = [];
  for (const pair of pairs) {
    const key = pair.pair_key as string;
    const here = [...(callees.get(key)?.values() ?? [])];
    if (!pair.client_service) {
      for (const h of here) {
        toWait.push({
          pair_key: key,
          receiver_key: h.spanKey,
          server_service: h.serviceName,
          kind: h.kind,
          server_error: h.error,
          at_ms: Math.floor(h.atMs),
          created_at: nowMs,
        });
      }
      continue;
    }
    const met: Callee[] = [
      ...(waiting.get(key) ?? []),
      ...here.map(h => ({
        service: h.serviceName,
        error: h.error,
        atMs: h.atMs,
      })),
    ];
    if (met.length > 0 && pair.kind !== 'messaging') metClients.push(key);
    const caller = pair.client_service as string;
    const callerAtMs = Number(pair.at_ms);
    for (const callee of met) {
      if (callee.service === caller) continue;
      const atMs = Math.min(callerAtMs, Math.floor(callee.atMs));
      edges.push({
        source: serviceNode(caller),
        target: serviceNode(callee.service),
        kind: pair.kind as EdgeDelta['kind'],
        bucketMs: floorTo(atMs, MINUTE_MS),
        count: 1,
        errors: pair.client_error || callee.error ? 1 : 0,
        firstSeenMs: atMs,
        lastSeenMs: atMs,
      });
    }
  }

  await insertJson(
    tx,
    PENDING_RECEIVERS,
    [
      'pair_key',
      'receiver_key',
      'server_service',
      'kind',
      'server_error',
      'at_ms',
      'created_at',
    ],
    toWait,
    '(pair_key, receiver_key) DO NOTHING',
  );
  for (const chunk of chunks(metClients, 500)) {
    await tx(PENDING_PAIRS).whereIn('pair_key', chunk).delete();
  }
  return edges;
}

/** Upserts each key's pair row (in key order); answers the rows as they are now. */
async function upsertPairs(
  tx: Knex.Transaction,
  keys: readonly string[],
  callers: ReadonlyMap<string, PendingHalf>,
  callees: ReadonlyMap<string, ReadonlyMap<string, PendingHalf>>,
  nowMs: number,
) {
  const rows = keys.map(key => {
    const caller = callers.get(key);
    const first = caller ?? callees.get(key)!.values().next().value!;
    return {
      pair_key: key,
      client_service: caller?.serviceName ?? null,
      kind: first.kind,
      client_error: caller ? caller.error : null,
      at_ms: Math.floor(first.atMs),
      created_at: nowMs,
    };
  });
  const t = PENDING_PAIRS;
  // A callee leaves the row as it is (the caller's kind and end win: the caller knows the kind
  // of call best, and its end is when the call was made).
  const callerWins = (column: string) =>
    `${column} = CASE WHEN excluded.client_service IS NULL THEN ${t}.${column} ELSE excluded.${column} END`;
  return insertJson(
    tx,
    t,
    Object.keys(rows[0]),
    rows,
    `(pair_key) DO UPDATE SET ${[
      'client_service',
      'client_error',
      'kind',
      'at_ms',
    ]
      .map(callerWins)
      .join(', ')}`,
    'pair_key, client_service, kind, client_error, at_ms',
  );
}

/** The callees waiting for these callers (removed: they meet now). */
async function takeWaiting(
  tx: Knex.Transaction,
  keys: readonly string[],
): Promise<Map<string, Callee[]>> {
  const waiting = new Map<string, Callee[]>();
  for (const chunk of chunks(keys, 500)) {
    const rows = await tx(PENDING_RECEIVERS)
      .whereIn('pair_key', chunk)
      .orderBy(['pair_key', 'receiver_key'])
      .select('pair_key', 'server_service', 'server_error', 'at_ms');
    if (rows.length === 0) continue;
    for (const row of rows) {
      const list = waiting.get(row.pair_key) ?? [];
      list.push({
        service: row.server_service,
        error: Boolean(row.server_error),
        atMs: Number(row.at_ms),
      });
      waiting.set(row.pair_key, list);
    }
    await tx(PENDING_RECEIVERS)
      .whereIn('pair_key', [...new Set(rows.map(r => r.pair_key as string))])
      .delete();
  }
  return waiting;
}
