import { LocatedEntityReference, ValidatedEntity, Violation } from '../types';
import { RuleDefinition } from './types';

export const missingReferenceRule: RuleDefinition = {
  id: 'missing-reference',
  severity: 'error',
  description:
    'Every referenced entity must exist, in the validated files or in the portal (checked only with a portal to ask).',
};

/** The references that point outside the given entities, deduplicated by target. */
export function externalReferences(entities: ValidatedEntity[]): string[] {
  const declared = new Set(entities.map(e => e.ref));
  const targets = entities.flatMap(e => e.references.map(r => r.targetRef));
  return [...new Set(targets)]
    .filter((t): t is string => t !== undefined && !declared.has(t))
    .sort();
}

function violation(reference: LocatedEntityReference): Violation {
  return {
    file: reference.file,
    line: reference.line,
    column: reference.column,
    rule: missingReferenceRule.id,
    severity: missingReferenceRule.severity,
    message: `${reference.field} refers to ${reference.targetRef}, which does not exist`,
    hint: reference.defaultKind
      ? `Register that entity first, or fix the reference (${reference.field} defaults to kind ${reference.defaultKind}).`
      : 'Register that entity first, or fix the reference.',
    entityRef: reference.sourceRef,
  };
}

/**
 * A violation at every reference whose target is neither declared in the
 * given entities nor in `existing` (normalised refs, e.g. from the portal).
 */
export function checkMissingReferences(
  entities: ValidatedEntity[],
  existing: Iterable<string>,
): Violation[] {
  const known = new Set([...entities.map(e => e.ref), ...existing]);
  return entities.flatMap(entity =>
    entity.references
      .filter(r => r.targetRef !== undefined && !known.has(r.targetRef))
      .map(violation),
  );
}
