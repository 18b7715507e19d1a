const EMPTY: ReadonlySet<string> = new Set();

/**
 * A secondary index: index key → the keys of the objects filed under it. An object may be filed
 * under several index keys, and is re-filed when it changes (a label edited, an owner replaced),
 * so lookups never return stale members.
 */
export class MultiIndex<T> {
  private readonly members = new Map<string, Set<string>>();
  private readonly filedUnder = new Map<string, string[]>();

  constructor(private readonly indexKeysOf: (obj: T) => string[]) {}

  upsert(objectKey: string, obj: T): void {
    this.remove(objectKey);
    const keys = this.indexKeysOf(obj);
    if (keys.length === 0) return;
    this.filedUnder.set(objectKey, keys);
    for (const key of keys) {
      let set = this.members.get(key);
      if (!set) {
        set = new Set();
        this.members.set(key, set);
      }
      set.add(objectKey);
    }
  }

  remove(objectKey: string): void {
    const keys = this.filedUnder.get(objectKey);
    if (!keys) return;
    this.filedUnder.delete(objectKey);
    for (const key of keys) {
      const set = this.members.get(key);
      if (!set) continue;
      set.delete(objectKey);
      if (set.size === 0) this.members.delete(key);
    }
  }

  get(indexKey: string): ReadonlySet<string> {
    return this.members.get(indexKey) ?? EMPTY;
  }
}
