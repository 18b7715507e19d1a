import type { Entity } from '@backstage/catalog-model';
import type {
  CheckResult,
  EntityScore,
  LevelDefinition,
  Rollup,
} from './types';

/** Each entity's level: the highest whose checks, and every lower level's, all pass. */
export function scorecard(
  _results: CheckResult[],
  _levels: LevelDefinition[],
): EntityScore[] {
  throw new Error('not yet');
}

/** Scorecards summed per owner, per system, or for the whole organisation. */
export function rollup(
  _scores: EntityScore[],
  _by: 'owner' | 'system' | 'organisation',
  _entities: Entity[],
): Rollup[] {
  throw new Error('not yet');
}
