import { Knex } from 'knex';

const HISTORY = 'governance_history';

/** What a history count is of: open findings per rule or per owner, entities per level. */
export type HistoryDimension = 'rule' | 'owner' | 'level';

export interface HistoryCount {
  /** YYYY-MM-DD (UTC). */
  day: string;
  dimension: HistoryDimension;
  /** The rule id, owner ref or level name. */
  name: string;
  count: number;
}

/**
 * One snapshot of counts per day, so trends show without keeping every evaluation: the day's
 * last evaluation replaces its earlier ones.
 */
export class HistoryStore {
  constructor(private readonly db: Knex) {}

  /** Replaces the day's counts with these, in one transaction. */
  async recordDay(
    day: string,
    counts: Omit<HistoryCount, 'day'>[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(HISTORY).where({ day }).delete();
      // Chunks stay under SQLite's bound-parameter limit (4 columns a row).
      for (let i = 0; i < counts.length; i += 200) {
        await tx(HISTORY).insert(
          counts.slice(i, i + 200).map(c => ({ day, ...c })),
        );
      }
    });
  }

  /** Counts of one dimension (optionally some names) from `fromDay` to `toDay`, inclusive, by day. */
  async query(query: {
    dimension: HistoryDimension;
    names?: string[];
    fromDay: string;
    toDay: string;
  }): Promise<HistoryCount[]> {
    const rows: HistoryCount[] = await this.db<HistoryCount>(HISTORY)
      .where('dimension', query.dimension)
      .where('day', '>=', query.fromDay)
      .where('day', '<=', query.toDay)
      .modify(q => {
        if (query.names) q.whereIn('name', query.names);
      })
      .orderBy([
        { column: 'day', order: 'asc' },
        { column: 'name', order: 'asc' },
      ]);
    return rows.map(r => ({ ...r, count: Number(r.count) }));
  }

  /** Deletes days before `day`; how many rows went. */
  async pruneBefore(day: string): Promise<number> {
    return this.db(HISTORY).where('day', '<', day).delete();
  }
}
