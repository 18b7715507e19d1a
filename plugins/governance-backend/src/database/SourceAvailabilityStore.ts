import { Knex } from 'knex';

const AVAILABILITY = 'governance_source_availability';

/**
 * Since when an optional input has been available without interruption, as evaluations saw
 * it. The first evaluation that reads the input starts the span, one that finds it unavailable
 * ends it. Rows are shared by replicas: the earliest start wins (insert-if-absent).
 */
export class SourceAvailabilityStore {
  constructor(private readonly db: Knex) {}

  /** Records the source as available at `now`; returns since when it has been (epoch ms). */
  async available(source: string, now: number): Promise<number> {
    await this.db(AVAILABILITY)
      .insert({ source, available_since: now })
      .onConflict('source')
      .ignore();
    const row = await this.db(AVAILABILITY)
      .where({ source })
      .first('available_since');
    // Another replica may have ended the span between the two statements: then it starts now.
    return row ? Number(row.available_since) : now;
  }

  /** Records the source as unavailable: the next available evaluation starts a new span. */
  async unavailable(source: string): Promise<void> {
    await this.db(AVAILABILITY).where({ source }).delete();
  }
}
