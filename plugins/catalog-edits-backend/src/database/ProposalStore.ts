import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  CatalogEdit,
  CatalogEditProposal,
} from '@internal/plugin-catalog-edits-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

const TABLE = 'catalog_edit_proposals';

/** A proposal to record; the store assigns its id. */
export type NewProposal = Omit<CatalogEditProposal, 'id' | 'createdAt'> & {
  createdAt?: Date;
};

/** Where the proposals opened from the portal are recorded. */
export interface ProposalStore {
  add(proposal: NewProposal): Promise<CatalogEditProposal>;
  /** Newest first; all of them, or those of one entity. */
  list(options?: { entityRef?: string }): Promise<CatalogEditProposal[]>;
}

type Row = {
  id: string;
  entity_ref: string;
  edit: string;
  requested_by: string;
  pull_request_url: string;
  branch: string;
  created_at: Date | string | number;
};

function toIso(value: Row['created_at']): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** The {@link ProposalStore} in the plugin's own database. */
export class DatabaseProposalStore implements ProposalStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseProposalStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await DatabaseProposalStore.migrate(client);
    }
    return new DatabaseProposalStore(client);
  }

  static async migrate(client: Knex): Promise<void> {
    await client.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-catalog-edits-backend',
        'migrations',
      ),
    });
  }

  private constructor(private readonly db: Knex) {}

  async add(proposal: NewProposal): Promise<CatalogEditProposal> {
    const row: Row = {
      id: randomUUID(),
      entity_ref: proposal.entityRef.toLocaleLowerCase('en-US'),
      edit: JSON.stringify(proposal.edit),
      requested_by: proposal.requestedBy,
      pull_request_url: proposal.pullRequestUrl,
      branch: proposal.branch,
      created_at: proposal.createdAt ?? new Date(),
    };
    await this.db<Row>(TABLE).insert(row);
    return this.toProposal(row);
  }

  async list(options?: { entityRef?: string }): Promise<CatalogEditProposal[]> {
    const query = this.db<Row>(TABLE)
      .select()
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    if (options?.entityRef) {
      query.where('entity_ref', options.entityRef.toLocaleLowerCase('en-US'));
    }
    return (await query).map(row => this.toProposal(row));
  }

  private toProposal(row: Row): CatalogEditProposal {
    return {
      id: row.id,
      entityRef: row.entity_ref,
      edit: JSON.parse(row.edit) as CatalogEdit,
      requestedBy: row.requested_by,
      pullRequestUrl: row.pull_request_url,
      branch: row.branch,
      createdAt: toIso(row.created_at),
    };
  }
}
