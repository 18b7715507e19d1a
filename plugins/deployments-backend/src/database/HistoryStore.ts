import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { mergeIncident, mergeRollout, sameRecord } from '../history/merge';
import {
  HistoryReport,
  IncidentRecord,
  RecordResult,
  RolloutRecord,
} from '../history/records';
import {
  INCIDENTS,
  IncidentRow,
  incidentToRow,
  ROLLOUTS,
  RolloutRow,
  rolloutToRow,
  rowToIncident,
  rowToRollout,
} from './rows';

/** Which rows a window query reads: `from` inclusive, `to` exclusive, epoch ms. */
export interface WindowQuery {
  entityRefs: string[];
  environment: string;
  from: number;
  to: number;
}

/** Rollout and incident history, merged by id. */
export interface HistoryStore {
  /**
   * Records the reports in one transaction: all of them or, on any error, none. Each report is
   * merged into the record with the same id (see mergeRollout); results are in input order.
   */
  record(reports: HistoryReport[]): Promise<RecordResult[]>;
  /** One service's rollouts, newest start first. */
  listRollouts(query: {
    entityRef: string;
    environment?: string;
    limit: number;
  }): Promise<RolloutRecord[]>;
  /** Rollouts of the services in the environment that finished inside the window. */
  rolloutsFinishedIn(query: WindowQuery): Promise<RolloutRecord[]>;
  /** Incidents of the services in the environment that started inside the window. */
  incidentsStartedIn(query: WindowQuery): Promise<IncidentRecord[]>;
}

/** Stay under SQLite's and PostgreSQL's bound-parameter limits in `IN (…)` lists. */
const REFS_PER_QUERY = 500;

/** The {@link HistoryStore} in the plugin's own database. */
export class DatabaseHistoryStore implements HistoryStore {
  static async create(options: {
    database: DatabaseService;
    now?: () => number;
  }): Promise<DatabaseHistoryStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await DatabaseHistoryStore.migrate(client);
    }
    return new DatabaseHistoryStore(client, options.now ?? Date.now);
  }

  static async migrate(client: Knex): Promise<void> {
    await client.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-deployments-backend',
        'migrations',
      ),
    });
  }

  private constructor(
    private readonly db: Knex,
    private readonly now: () => number,
  ) {}

  async record(reports: HistoryReport[]): Promise<RecordResult[]> {
    // Rows are touched in one fixed order (kind, then id), whatever the request order: two
    // replicas recording overlapping batches then wait for each other's row locks instead of
    // deadlocking.
    const order = reports
      .map((report, index) => ({ report, index, key: keyOf(report) }))
      .sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index);
    const results: RecordResult[] = new Array(reports.length);
    await this.db.transaction(async tx => {
      for (const { report, index } of order) {
        results[index] =
          report.kind === 'deployment'
            ? await this.recordRollout(tx, report.rollout)
            : await this.recordIncident(tx, report.incident);
      }
    });
    return results;
  }

  private async recordRollout(
    tx: Knex.Transaction,
    report: Extract<HistoryReport, { kind: 'deployment' }>['rollout'],
  ): Promise<RecordResult> {
    const now = this.now();
    // Insert-or-nothing first: of two replicas inserting the same id at once, PostgreSQL lets
    // exactly one insert it and makes the other wait for that commit, then do nothing.
    const inserted = await tx<RolloutRow>(ROLLOUTS)
      .insert(rolloutToRow(mergeRollout(undefined, report), now))
      .onConflict('id')
      .ignore()
      .returning('id');
    if (inserted.length > 0) return 'created';

    const row = await this.lockedRow<RolloutRow>(tx, ROLLOUTS, report.id);
    const known = rowToRollout(row);
    const merged = mergeRollout(known, report);
    if (sameRecord(known, merged)) return 'unchanged';
    await tx<RolloutRow>(ROLLOUTS)
      .where({ id: report.id })
      .update(rolloutToRow(merged, now));
    return 'updated';
  }

  private async recordIncident(
    tx: Knex.Transaction,
    report: IncidentRecord,
  ): Promise<RecordResult> {
    const now = this.now();
    const inserted = await tx<IncidentRow>(INCIDENTS)
      .insert(incidentToRow(mergeIncident(undefined, report), now))
      .onConflict('id')
      .ignore()
      .returning('id');
    if (inserted.length > 0) return 'created';

    const known = rowToIncident(
      await this.lockedRow<IncidentRow>(tx, INCIDENTS, report.id),
    );
    const merged = mergeIncident(known, report);
    if (sameRecord(known, merged)) return 'unchanged';
    await tx<IncidentRow>(INCIDENTS)
      .where({ id: report.id })
      .update(incidentToRow(merged, now));
    return 'updated';
  }

  /**
   * The row, locked until the transaction ends on PostgreSQL (SQLite has one writer at a time
   * and no row locks, and knex warns about FOR UPDATE there).
   */
  private async lockedRow<Row extends {}>(
    tx: Knex.Transaction,
    table: string,
    id: string,
  ): Promise<Row> {
    const query = tx<Row>(table).where('id', id).first();
    const row =
      this.db.client.config.client === 'pg'
        ? await query.forUpdate()
        : await query;
    if (!row) {
      throw new Error(`${table} row ${id} vanished inside its transaction`);
    }
    return row as Row;
  }

  async listRollouts(query: {
    entityRef: string;
    environment?: string;
    limit: number;
  }): Promise<RolloutRecord[]> {
    const rows = await this.db<RolloutRow>(ROLLOUTS)
      .where('entity_ref', query.entityRef)
      .modify(q => {
        if (query.environment) q.where('environment', query.environment);
      })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit);
    return rows.map(rowToRollout);
  }

  async rolloutsFinishedIn(query: WindowQuery): Promise<RolloutRecord[]> {
    const rows = await this.inChunks(query.entityRefs, refs =>
      this.db<RolloutRow>(ROLLOUTS)
        .where('environment', query.environment)
        .where('finished_at', '>=', query.from)
        .where('finished_at', '<', query.to)
        .whereIn('entity_ref', refs),
    );
    return rows.map(rowToRollout);
  }

  async incidentsStartedIn(query: WindowQuery): Promise<IncidentRecord[]> {
    const rows = await this.inChunks(query.entityRefs, refs =>
      this.db<IncidentRow>(INCIDENTS)
        .where('environment', query.environment)
        .where('started_at', '>=', query.from)
        .where('started_at', '<', query.to)
        .whereIn('entity_ref', refs),
    );
    return rows.map(rowToIncident);
  }

  private async inChunks<Row>(
    refs: string[],
    select: (chunk: string[]) => PromiseLike<Row[]>,
  ): Promise<Row[]> {
    const rows: Row[] = [];
    for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
      rows.push(...(await select(refs.slice(i, i + REFS_PER_QUERY))));
    }
    return rows;
  }
}

function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function keyOf(report: HistoryReport): string {
  const id =
    report.kind === 'deployment' ? report.rollout.id : report.incident.id;
  return `${report.kind}\u0000${id}`;
}
