import { Entity } from '@backstage/catalog-model';
import { findKnownKind, knownKinds } from '../model/catalogModel';
import { shown } from './display';
import { EntityRule, RuleFinding } from './types';

function knownKindsHint(kind: string): string {
  const kinds = knownKinds().map(k => k.kind);
  const similar = kinds.find(k => k.toLowerCase() === kind.toLowerCase());
  const prefix = similar
    ? `Did you mean ${similar}? Kinds are case sensitive. `
    : '';
  return `${prefix}Known kinds: ${kinds.join(', ')}.`;
}

export const unknownKindRule: EntityRule = {
  id: 'unknown-kind',
  severity: 'error',
  description:
    'The kind (and its apiVersion) must be one the catalog knows; no processor accepts any other.',
  check(entity: Entity): RuleFinding[] {
    const known = findKnownKind(entity.kind);
    if (!known) {
      return [
        {
          path: ['kind'],
          message: `Unknown kind ${shown(entity.kind)}`,
          hint: knownKindsHint(entity.kind),
        },
      ];
    }
    if (!known.apiVersions.includes(entity.apiVersion)) {
      return [
        {
          path: ['apiVersion'],
          message: `apiVersion ${shown(
            entity.apiVersion,
          )} is not supported for kind ${known.kind}`,
          hint: `Use ${known.apiVersions.join(' or ')}.`,
        },
      ];
    }
    return [];
  },
};
