import { catalogEntityProposeEditPermission } from './permissions';

describe('catalogEntityProposeEditPermission', () => {
  it('is a resource permission on catalog entities with the update action', () => {
    expect(catalogEntityProposeEditPermission).toEqual({
      type: 'resource',
      name: 'catalog.entity.propose-edit',
      attributes: { action: 'update' },
      resourceType: 'catalog-entity',
    });
  });
});
