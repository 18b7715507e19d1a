import type { Entity } from '@backstage/catalog-model';
import { indexFor } from '../graph/CatalogIndex';
import type {
  CheckResult,
  EntityScore,
  LevelDefinition,
  Rollup,
} from './types';

/** The key of entities without an owner or system in a rollup. */
export const ROLLUP_NONE = 'none';

/**
 * Each entity's level. Levels are climbed in order: a level with a failing check stops the
 * climb (it becomes `next`, with its failing checks); a level whose checks all pass is reached;
 * a level none of whose checks apply to the entity (or all unknown, e.g. traces without
 * telemetry) neither counts nor blocks. Unknown results are not counted in passed/total.
 * Sorted by entity ref.
 */
export function scorecard(
  results: CheckResult[],
  levels: LevelDefinition[],
): EntityScore[] {
  const byEntity = new Map<string, Map<string, boolean>>();
  for (const result of results) {
    if (result.unknown) continue;
    let checks = byEntity.get(result.entityRef);
    if (!checks) byEntity.set(result.entityRef, (checks = new Map()));
    checks.set(result.checkId, result.passed);
  }
  // Entities whose every result is unknown still get a (level-less) scorecard.
  for (const result of results) {
    if (!byEntity.has(result.entityRef)) byEntity.set(result.entityRef, new Map());
  }
  const scores: EntityScore[] = [];
  for (const [entityRef, checks] of byEntity) {
    let level: string | null = null;
    let next: EntityScore['next'];
    for (const definition of levels) {
      const ran = definition.checks.filter(id => checks.has(id));
      if (ran.length === 0) continue;
      const failing = ran.filter(id => !checks.get(id)).sort();
      if (failing.length > 0) {
        next = { level: definition.id, failing };
        break;
      }
      level = definition.id;
    }
    const failing = [...checks].filter(([, passed]) => !passed).map(([id]) => id).sort();
    scores.push({
      entityRef,
      level,
      passed: checks.size - failing.length,
      total: checks.size,
      failing,
      ...(next ? { next } : {}),
    });
  }
  return scores.sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
}

/**
 * Scorecards summed per owner (the entity's owner ref), per system, or for the whole
 * organisation (one rollup, key `organisation`). Entities without an owner or system go under
 * {@link ROLLUP_NONE}. Sorted by key.
 */
export function rollup(
  scores: EntityScore[],
  by: 'owner' | 'system' | 'organisation',
  entities: Entity[],
): Rollup[] {
  const index = indexFor(entities);
  const keyOf = (ref: string): string => {
    if (by === 'organisation') return 'organisation';
    const key = by === 'owner' ? index.ownerOf(ref) : index.systemOf(ref);
    return key ?? ROLLUP_NONE;
  };
  const rollups = new Map<string, Rollup>();
  for (const score of scores) {
    const key = keyOf(score.entityRef);
    let sum = rollups.get(key);
    if (!sum) {
      sum = { by, key, entities: 0, levels: {}, checksPassed: 0, checksTotal: 0, passRate: 1 };
      rollups.set(key, sum);
    }
    const level = score.level ?? 'none';
    sum.entities += 1;
    sum.levels[level] = (sum.levels[level] ?? 0) + 1;
    sum.checksPassed += score.passed;
    sum.checksTotal += score.total;
  }
  for (const sum of rollups.values()) {
    sum.passRate = sum.checksTotal === 0 ? 1 : sum.checksPassed / sum.checksTotal;
  }
  return [...rollups.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}
