import type { Knex } from 'knex';
import type { Item, NewItem } from './item';

export type ItemStore = {
  list(limit: number): Promise<Item[]>;
  /**
   * Inserts the item. `beforeCommit` runs inside the transaction: if it throws
   * (e.g. the event cannot be published) the insert is rolled back, so the
   * table never holds an item whose event was lost.
   */
  create(item: NewItem, beforeCommit?: (created: Item) => Promise<void>): Promise<Item>;
};

type ItemRow = { id: number; name: string; created_at: Date | string };

function toItem(row: ItemRow): Item {
  return {
    id: Number(row.id),
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export class DatabaseItemStore implements ItemStore {
  constructor(private readonly db: Knex) {}

  async list(limit: number): Promise<Item[]> {
    const rows = await this.db<ItemRow>('items')
      .select('id', 'name', 'created_at')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(toItem);
  }

  async create(
    item: NewItem,
    beforeCommit?: (created: Item) => Promise<void>,
  ): Promise<Item> {
    return this.db.transaction(async tx => {
      const [row] = await tx<ItemRow>('items')
        .insert({ name: item.name })
        .returning(['id', 'name', 'created_at']);
      const created = toItem(row as ItemRow);
      await beforeCommit?.(created);
      return created;
    });
  }
}
