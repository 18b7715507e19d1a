import { Entity, makeValidator } from '@backstage/catalog-model';
import { shown } from './display';
import { EntityRule } from './types';

const validators = makeValidator();

export const entityNameRule: EntityRule = {
  id: 'entity-name',
  severity: 'error',
  description:
    'metadata.name must be at most 63 characters: sequences of [a-zA-Z0-9] separated by any of [-_.].',
  check(entity: Entity) {
    const name = entity.metadata.name;
    if (validators.isValidEntityName(name)) {
      return [];
    }
    return [
      {
        path: ['metadata', 'name'],
        message: `Invalid entity name ${shown(name)}`,
        hint: 'Names must be 1-63 characters: letters and digits, separated by single "-", "_" or "." (starting and ending with a letter or digit). Put a longer human-readable name in metadata.title.',
      },
    ];
  },
};
