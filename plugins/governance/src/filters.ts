import { Entity } from '@backstage/catalog-model';

/**
 * Entities the default checks score: components (services, websites, libraries…). The card
 * itself says so when no configured check applies to one.
 */
export function isComponent(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}
