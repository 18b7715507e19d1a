import { Entity, makeValidator } from '@backstage/catalog-model';
import { shown } from './display';
import { EntityRule } from './types';

const validators = makeValidator();

export const entityNamespaceRule: EntityRule = {
  id: 'entity-namespace',
  severity: 'error',
  description:
    'metadata.namespace, when set, must be at most 63 characters: sequences of [a-z0-9] separated by [-].',
  check(entity: Entity) {
    const namespace = entity.metadata.namespace;
    if (namespace === undefined || validators.isValidNamespace(namespace)) {
      return [];
    }
    return [
      {
        path: ['metadata', 'namespace'],
        message: `Invalid namespace ${shown(namespace)}`,
        hint: 'Namespaces are lower-case DNS labels: 1-63 characters of [a-z0-9] separated by "-". Leave it out to use "default".',
      },
    ];
  },
};
