import { Entity } from '@backstage/catalog-model';

/** Components: what pages someone. (The lookup answers for resources too; the API says so.) */
export function isComponent(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}
