import type { EntityScore, Finding } from '@internal/plugin-governance-common';
import type { HistoryCount } from '../database/HistoryStore';

/** The UTC day of an epoch-ms time, `YYYY-MM-DD`. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** What a day's snapshot counts: open findings per rule and per owner, entities per level. */
export function historyCounts(
  open: Finding[],
  scores: EntityScore[],
): Omit<HistoryCount, 'day'>[] {
  const counts = new Map<string, Omit<HistoryCount, 'day'>>();
  const add = (dimension: HistoryCount['dimension'], name: string) => {
    const key = `${dimension}\u0000${name}`;
    const entry = counts.get(key) ?? { dimension, name, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  };
  for (const finding of open) {
    add('rule', finding.rule);
    for (const owner of finding.owners) add('owner', owner);
  }
  for (const score of scores) add('level', score.level ?? 'none');
  return [...counts.values()];
}
