import { ValidatedEntity, Violation } from '../types';
import { RuleDefinition } from './types';

export const duplicateEntityRule: RuleDefinition = {
  id: 'duplicate-entity',
  severity: 'error',
  description:
    'An entity (kind, namespace and name, ignoring case) may be declared only once across the validated files.',
};

function where(entity: ValidatedEntity): string {
  return `${entity.file}:${entity.line}:${entity.column}`;
}

/**
 * One violation for every declaration of an entity after its first, at the
 * later declaration, naming both locations.
 */
export function checkDuplicateEntities(
  entities: ValidatedEntity[],
): Violation[] {
  const first = new Map<string, ValidatedEntity>();
  const violations: Violation[] = [];
  for (const entity of entities) {
    const original = first.get(entity.ref);
    if (!original) {
      first.set(entity.ref, entity);
      continue;
    }
    violations.push({
      file: entity.file,
      line: entity.line,
      column: entity.column,
      rule: duplicateEntityRule.id,
      severity: duplicateEntityRule.severity,
      message: `${entity.ref} is declared twice: at ${where(
        original,
      )} and at ${where(entity)}`,
      hint: 'The catalog keeps only one of them and reports a conflict for the other; remove one declaration or rename the entity.',
      entityRef: entity.ref,
    });
  }
  return violations;
}
