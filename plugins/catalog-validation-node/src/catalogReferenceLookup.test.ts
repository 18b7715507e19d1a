import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogReferenceLookup } from './catalogReferenceLookup';

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

describe('catalogReferenceLookup', () => {
  it('answers which refs exist, asking in batches of 100 with the caller’s credentials', async () => {
    const catalog = catalogServiceMock({
      entities: [group('team-0'), group('team-150')],
    });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const credentials = mockCredentials.user('user:default/jane');
    const refs = Array.from(
      { length: 201 },
      (_, i) => `group:default/team-${i}`,
    );

    const existing = await catalogReferenceLookup(catalog, credentials)(refs);

    expect([...existing]).toEqual([
      'group:default/team-0',
      'group:default/team-150',
    ]);
    expect(
      getEntitiesByRefs.mock.calls.map(([req]) => req.entityRefs.length),
    ).toEqual([100, 100, 1]);
    expect(getEntitiesByRefs.mock.calls[0][1]).toEqual({ credentials });
  });

  it('turns a catalog that does not answer into 503', async () => {
    const catalog = catalogServiceMock();
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockRejectedValue(new Error('connect ECONNREFUSED'));
    await expect(
      catalogReferenceLookup(
        catalog,
        mockCredentials.user(),
      )(['group:default/x']),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        'Cannot check references: the catalog did not answer',
      ),
    });
  });
});
