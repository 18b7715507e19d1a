import type { Entity } from '@backstage/catalog-model';
import { DATABASE_ENGINES } from '../constants';
import { isDatabase, show, specOf } from '../entity';
import type { ModelViolation, ServiceModelRule } from '../types';

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
    return [
      {
        rule: RULE,
        path: 'spec.engine',
        message: 'is required for a database',
        fix: `Add \`engine: <engine>\` under spec, one of ${LIST}.`,
      },
    ];
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

/** `spec.engine`: required for `Resource` with `spec.type: database`; one of DATABASE_ENGINES. */
export const databaseEngineRule: ServiceModelRule = {
  id: RULE,
  description: `spec.engine of a database Resource is required and one of ${LIST}`,
  check,
};
