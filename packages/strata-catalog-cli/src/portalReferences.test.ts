import { validateCatalogFiles } from '@internal/plugin-catalog-validation-common';
import {
  FakePortal,
  startFakePortal,
  unusedLocalUrl,
} from './__testUtils__/fakePortal';
import { IoError } from './errors';
import {
  checkPortalReferences,
  findExistingEntities,
} from './portalReferences';

const component = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: svc',
  'spec:',
  '  type: service',
  '  lifecycle: production',
  '  owner: ghosts',
  '  system: payments',
  '  providesApis: [svc-api]',
  '',
].join('\n');
const api = component
  .replace('kind: Component', 'kind: API')
  .replace('name: svc', 'name: svc-api');

describe('portal reference check', () => {
  let portal: FakePortal;

  beforeEach(async () => {
    portal = await startFakePortal({
      entities: [
        'system:default/payments',
        'group:default/a',
        'group:default/c',
      ],
      token: 'secret',
    });
  });

  afterEach(() => portal.close());

  it('asks for the refs in batches with the bearer token', async () => {
    const existing = await findExistingEntities(
      ['group:default/a', 'group:default/b', 'group:default/c'],
      {
        baseUrl: portal.url,
        token: 'secret',
        batchSize: 2,
      },
    );
    expect([...existing]).toEqual(['group:default/a', 'group:default/c']);
    expect(portal.requests).toEqual([
      {
        entityRefs: ['group:default/a', 'group:default/b'],
        authorization: 'Bearer secret',
      },
      { entityRefs: ['group:default/c'], authorization: 'Bearer secret' },
    ]);
  });

  it('reports missing entities at each reference, skipping those declared in the files', async () => {
    const result = validateCatalogFiles([
      { path: 'svc.yaml', text: component },
      {
        path: 'api.yaml',
        text: api.replace('  providesApis: [svc-api]\n', ''),
      },
    ]);
    const { checked, violations } = await checkPortalReferences(result, {
      baseUrl: portal.url,
      token: 'secret',
    });
    expect(portal.requests.map(r => r.entityRefs)).toEqual([
      ['group:default/ghosts', 'system:default/payments'],
    ]);
    expect(checked).toBe(2);
    expect(
      violations.map(
        v => `${v.file}:${v.line}:${v.column} ${v.rule} ${v.message}`,
      ),
    ).toEqual([
      'svc.yaml:8:10 missing-reference spec.owner refers to group:default/ghosts, which does not exist',
      'api.yaml:8:10 missing-reference spec.owner refers to group:default/ghosts, which does not exist',
    ]);
  });

  it('makes no request when there is nothing to look up', async () => {
    const group =
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec:\n  type: team\n  children: []\n';
    const result = validateCatalogFiles([{ path: 'g.yaml', text: group }]);
    expect(
      await checkPortalReferences(result, { baseUrl: portal.url }),
    ).toEqual({ checked: 0, violations: [] });
    expect(portal.requests).toEqual([]);
  });

  it('turns a refused token into an I/O error', async () => {
    await expect(
      findExistingEntities(['group:default/a'], {
        baseUrl: portal.url,
        token: 'wrong',
      }),
    ).rejects.toThrow(
      new IoError(
        `the portal at ${portal.url} refused the catalog request (HTTP 401): check the token`,
      ),
    );
    await expect(
      findExistingEntities(['group:default/a'], { baseUrl: portal.url }),
    ).rejects.toThrow('pass a token with --token');
  });

  it('turns other failures into I/O errors', async () => {
    await expect(
      findExistingEntities(['group:default/a'], {
        baseUrl: `${portal.url}/base`,
        token: 'secret',
      }),
    ).rejects.toThrow(
      `the portal answered HTTP 404 to POST ${portal.url}/base/api/catalog/entities/by-refs`,
    );
    const url = await unusedLocalUrl();
    await expect(
      findExistingEntities(['group:default/a'], { baseUrl: url }),
    ).rejects.toThrow(`cannot reach the portal at ${url}: ECONNREFUSED`);
  });
});
