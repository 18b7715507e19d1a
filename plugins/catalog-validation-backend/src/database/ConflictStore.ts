import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { EntityConflict } from '@internal/plugin-catalog-validation-common';
import { ConflictReport } from '../conflicts/parseConflictEvent';

const TABLE = 'catalog_entity_conflicts';

/** Where the catalog's conflict reports are kept. */
export interface ConflictStore {
  /** Adds the conflict or, when it is known, moves its last-seen time. */
  record(conflict: ConflictReport): Promise<void>;
  /** Conflicts reported since `seenSince`, of one entity or of all; newest first. */
  list(options: {
    seenSince: Date;
    entityRef?: string;
  }): Promise<EntityConflict[]>;
  /** Forgets conflicts not reported since `before` (the duplicate was removed). */
  prune(before: Date): Promise<number>;
}

type Row = {
  id: string;
  entity_ref: string;
  kept_location: string;
  ignored_location: string;
  first_seen_at: Date | string | number;
  last_seen_at: Date | string | number;
};

const toIso = (value: Row['last_seen_at']) =>
  (value instanceof Date ? value : new Date(value)).toISOString();

/** The {@link ConflictStore} in the plugin's own database. */
export class DatabaseConflictStore implements ConflictStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseConflictStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await DatabaseConflictStore.migrate(client);
    }
    return new DatabaseConflictStore(client);
  }

  static async migrate(client: Knex): Promise<void> {
    await client.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-catalog-validation-backend',
        'migrations',
      ),
    });
  }

  private constructor(private readonly db: Knex) {}

  async record(conflict: ConflictReport): Promise<void> {
    // One row per (entity, ignored copy): the catalog repeats the report on every processing
    // round of the ignored location, which must not grow the table.
    const id = createHash('sha256')
      .update(`${conflict.entityRef}\n${conflict.ignoredLocation}`)
      .digest('hex');
    await this.db<Row>(TABLE)
      .insert({
        id,
        entity_ref: conflict.entityRef,
        kept_location: conflict.keptLocation,
        ignored_location: conflict.ignoredLocation,
        first_seen_at: conflict.seenAt,
        last_seen_at: conflict.seenAt,
      })
      .onConflict('id')
      .merge(['kept_location', 'last_seen_at']);
  }

  async list(options: {
    seenSince: Date;
    entityRef?: string;
  }): Promise<EntityConflict[]> {
    const query = this.db<Row>(TABLE)
      .select()
      .where('last_seen_at', '>=', options.seenSince)
      .orderBy([
        { column: 'last_seen_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    if (options.entityRef) {
      query.where('entity_ref', options.entityRef.toLocaleLowerCase('en-US'));
    }
    return (await query).map(row => ({
      entityRef: row.entity_ref,
      keptLocation: row.kept_location,
      ignoredLocation: row.ignored_location,
      firstSeenAt: toIso(row.first_seen_at),
      lastSeenAt: toIso(row.last_seen_at),
    }));
  }

  async prune(before: Date): Promise<number> {
    return this.db<Row>(TABLE).where('last_seen_at', '<', before).delete();
  }
}
