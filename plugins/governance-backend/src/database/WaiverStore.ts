import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const WAIVERS = 'governance_waivers';

/**
 * An accepted exception, stored until deleted. It covers a finding (by its stable key) or one
 * check on one entity, and only until `expiresAt`: after that the finding counts again.
 */
export interface Waiver {
  id: string;
  findingKey?: string;
  checkId?: string;
  entityRef?: string;
  reason: string;
  /** The user who created it (their entity ref). */
  approver: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms. */
  expiresAt: number;
}

export type NewWaiver = Omit<Waiver, 'id' | 'createdAt'>;

interface WaiverRow {
  id: string;
  finding_key: string | null;
  check_id: string | null;
  entity_ref: string | null;
  reason: string;
  approver: string;
  created_at: string | number;
  expires_at: string | number;
}

/** Waivers in the plugin's database. */
export class WaiverStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async create(waiver: NewWaiver): Promise<Waiver> {
    const created: Waiver = {
      ...waiver,
      id: randomUUID(),
      createdAt: this.now(),
    };
    await this.db<WaiverRow>(WAIVERS).insert({
      id: created.id,
      finding_key: created.findingKey ?? null,
      check_id: created.checkId ?? null,
      entity_ref: created.entityRef ?? null,
      reason: created.reason,
      approver: created.approver,
      created_at: created.createdAt,
      expires_at: created.expiresAt,
    });
    return created;
  }

  async get(id: string): Promise<Waiver | undefined> {
    const row = await this.db<WaiverRow>(WAIVERS).where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  /** Deletes the waiver; the deleted one, or undefined when there was none with that id. */
  async delete(id: string): Promise<Waiver | undefined> {
    return this.db.transaction(async tx => {
      const row = await tx<WaiverRow>(WAIVERS).where({ id }).first();
      if (!row) return undefined;
      await tx<WaiverRow>(WAIVERS).where({ id }).delete();
      return fromRow(row);
    });
  }

  /** Waivers in force now (expiry strictly in the future), or every stored one; newest first. */
  async list(options: { includeExpired?: boolean } = {}): Promise<Waiver[]> {
    const rows = await this.db<WaiverRow>(WAIVERS)
      .modify(q => {
        if (!options.includeExpired) q.where('expires_at', '>', this.now());
      })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(fromRow);
  }
}

function fromRow(row: WaiverRow): Waiver {
  return {
    id: row.id,
    ...(row.finding_key !== null && { findingKey: row.finding_key }),
    ...(row.check_id !== null && { checkId: row.check_id }),
    ...(row.entity_ref !== null && { entityRef: row.entity_ref }),
    reason: row.reason,
    approver: row.approver,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
}
