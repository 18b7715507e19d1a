import { Entity } from '@backstage/catalog-model';
import { EntityRule } from './types';

/** The root fields the catalog's NoForeignRootFieldsEntityPolicy accepts. */
export const allowedRootFields = ['apiVersion', 'kind', 'metadata', 'spec'];

export const foreignRootFieldRule: EntityRule = {
  id: 'foreign-root-field',
  severity: 'error',
  description: `Only ${allowedRootFields.join(
    ', ',
  )} are allowed at the top level of an entity.`,
  check(entity: Entity) {
    return Object.keys(entity)
      .filter(key => !allowedRootFields.includes(key))
      .map(key => ({
        path: [key],
        part: 'key' as const,
        message: `Unknown top-level field ${key}`,
        hint: `The catalog accepts only ${allowedRootFields.join(
          ', ',
        )} at the top level; move ${key} into spec or metadata.annotations (check its indentation).`,
      }));
  },
};
