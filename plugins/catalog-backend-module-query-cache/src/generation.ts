import { Knex } from 'knex';
import { databaseKind } from './databaseKind';

/**
 * What the catalog's tables say about change, read in one statement.
 * - `id`: the generation — number of final entities and their latest `last_updated_at`. Every
 *   change to what the catalog answers goes through `final_entities`: stitching upserts the row
 *   with `last_updated_at = now` when the stitched entity's hash changed (catalog-backend 4
 *   writes the table nowhere else), and deleting an entity deletes its row.
 * - `settled`: no stitch is queued or in flight (`stitch_queue` empty: a stitch writes the final
 *   entity first and its search rows after, and leaves the queue last) and, where the clock has
 *   second precision (SQLite's CURRENT_TIMESTAMP), the latest update is from an earlier second, so
 *   any later change gets a newer `last_updated_at` and a new generation. Answers are stored only
 *   under a settled generation.
 */
export interface CatalogGeneration {
  id: string;
  settled: boolean;
}

type ProbeRow = {
  entities: number | string;
  updated: string | number | null;
  queued: number | string;
  now?: string | number | null;
};

/** The probe statement for the catalog's database (its tables: catalog-backend 4 migrations). */
export function generationProbe(knex: Knex): () => Promise<CatalogGeneration> {
  const isPostgres = databaseKind(knex) === 'postgres';
  // PostgreSQL: microsecond timestamps read as text (the driver's Date would drop them), and a
  // stitch in flight always has its queue row, so the queue alone says settled.
  // Three scalar subqueries, so that each is answered from an index: count(*) from the smallest
  // index, max() from the probe index (probeIndex.ts) — together in one SELECT, SQLite would scan.
  const sql = isPostgres
    ? `select (select count(*) from final_entities)::bigint as entities,
         (select max(last_updated_at) from final_entities)::text as updated,
         (select count(*) from stitch_queue)::bigint as queued`
    : `select (select count(*) from final_entities) as entities,
         (select max(last_updated_at) from final_entities) as updated,
         (select count(*) from stitch_queue) as queued, CURRENT_TIMESTAMP as now`;
  return async () => {
    const result = await knex.raw(sql);
    const row = (
      Array.isArray(result) ? result[0] : result.rows[0]
    ) as ProbeRow;
    const updated = row.updated === null ? '' : String(row.updated);
    const queued = Number(row.queued);
    const settled =
      queued === 0 &&
      (isPostgres || updated === '' || updated < String(row.now ?? ''));
    return { id: `${Number(row.entities)}@${updated}`, settled };
  };
}

/**
 * The current generation, read at most once per `maxAgeMs` (1 s) and only when asked: the
 * requests in between share the last reading, concurrent askers share one read in flight.
 */
export class GenerationReader {
  #last?: { at: number; value: CatalogGeneration };
  #inFlight?: Promise<CatalogGeneration>;

  constructor(
    private readonly probe: () => Promise<CatalogGeneration>,
    private readonly maxAgeMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async current(): Promise<CatalogGeneration> {
    if (this.#last && this.now() - this.#last.at < this.maxAgeMs) {
      return this.#last.value;
    }
    if (!this.#inFlight) {
      const startedAt = this.now();
      this.#inFlight = this.probe()
        .then(value => {
          this.#last = { at: startedAt, value };
          return value;
        })
        .finally(() => {
          this.#inFlight = undefined;
        });
    }
    return this.#inFlight;
  }
}
