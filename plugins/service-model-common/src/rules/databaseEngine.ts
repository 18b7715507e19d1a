import type { Entity } from '@backstage/catalog-model';
import { DATABASE_ENGINES } from '../constants';
import { isDatabase, show, specOf } from '../entity';
import type {
  ModelRecommendation,
  ModelViolation,
  ServiceModelRule,
} from '../types';

const RULE = 'database-engine';
const LIST = DATABASE_ENGINES.join(', ');

/** Common spellings of the allowed engines, for the fix hint. */
const ALIASES: Record<string, string> = {
  postgres: 'postgresql',
  pg: 'postgresql',
  psql: 'postgresql',
  elastic: 'elasticsearch',
  es: 'elasticsearch',
  mongo: 'mongodb',
};

function suggestion(engine: unknown): string | undefined {
  if (typeof engine !== 'string') {
    return undefined;
  }
  const lower = engine.trim().toLocaleLowerCase('en-US');
  if ((DATABASE_ENGINES as readonly string[]).includes(lower)) {
    return lower;
  }
  return ALIASES[lower];
}

function check(entity: Entity): ModelViolation[] {
  if (!isDatabase(entity)) {
    return [];
  }
  const engine = specOf(entity).engine;
  if (engine === undefined || engine === null) {
    return [];
  }
  if ((DATABASE_ENGINES as readonly unknown[]).includes(engine)) {
    return [];
  }
  const suggested = suggestion(engine);
  return [
    {
      rule: RULE,
      path: 'spec.engine',
      message: `must be one of ${LIST}, got ${show(engine)}`,
      fix: suggested
        ? `Write \`engine: ${suggested}\`.`
        : `Use one of ${LIST}; to add an engine, extend the list in docs/catalog-model.md and @internal/plugin-service-model-common.`,
    },
  ];
}

/**
 * The engine the entity names elsewhere: a tag (`postgres`, `mysql`…) or a dash-separated part
 * of its name (`orders-postgres`). Only when exactly one engine is named.
 */
function hintedEngine(entity: Entity): string | undefined {
  const tags = Array.isArray(entity.metadata?.tags) ? entity.metadata.tags : [];
  const words = [
    ...tags,
    ...String(entity.metadata?.name ?? '').split(/[-_.]/),
  ];
  const found = new Set(
    words.flatMap(word => {
      const engine = suggestion(word);
      return engine ? [engine] : [];
    }),
  );
  return found.size === 1 ? [...found][0] : undefined;
}

function recommend(entity: Entity): ModelRecommendation[] {
  const engine = specOf(entity).engine;
  if (!isDatabase(entity) || (engine !== undefined && engine !== null)) {
    return [];
  }
  const hinted = hintedEngine(entity);
  return [
    {
      rule: RULE,
      path: 'spec.engine',
      message: 'No database engine',
      why: 'On-call needs to know which runbooks, dashboards and DBAs apply when the database misbehaves; governance counts engines for support and upgrade planning.',
      fix: hinted
        ? `Add \`engine: ${hinted}\` under spec (one of ${LIST}).`
        : `Add \`engine: <engine>\` under spec, one of ${LIST}.`,
      ...(hinted ? { suggestedValue: hinted } : {}),
    },
  ];
}

/** `spec.engine` of a `Resource` with `spec.type: database`: one of DATABASE_ENGINES; recommended. */
export const databaseEngineRule: ServiceModelRule = {
  id: RULE,
  description: `spec.engine of a database Resource is one of ${LIST}; recommended`,
  check,
  recommend,
};
