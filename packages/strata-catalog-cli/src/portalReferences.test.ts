import { validateCatalogFiles } from '@internal/plugin-catalog-validation-common';
import {
  FakePortal,
  startFakePortal,
  unusedLocalUrl,
} from './__testUtils__/fakePortal';
import { IoError } from './errors';
import { checkPortalReferences } from './portalReferences';

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

  const check = (
    files: { path: string; text: string }[],
    options: Partial<Parameters<typeof checkPortalReferences>[2]> = {},
  ) =>
    checkPortalReferences(files, validateCatalogFiles(files), {
      baseUrl: portal.url,
      token: 'secret',
      ...options,
    });

  it("asks the portal's validate endpoint, with references checked, and keeps only its missing references", async () => {
    const files = [
      { path: 'svc.yaml', text: component },
      {
        path: 'api.yaml',
        text: api.replace('  providesApis: [svc-api]\n', ''),
      },
    ];
    const { checked, violations } = await check(files);
    expect(portal.requests).toEqual([
      {
        files: ['svc.yaml', 'api.yaml'],
        checkReferences: true,
        authorization: 'Bearer secret',
      },
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

  it('splits the files into requests within the limits and keeps references across them', async () => {
    // svc refers to its API, declared in another request's file: the portal of that request
    // does not see it, and the CLI does not report it.
    const files = [
      { path: 'svc.yaml', text: component },
      {
        path: 'api.yaml',
        text: api.replace('  providesApis: [svc-api]\n', ''),
      },
    ];
    const { violations } = await check(files, { maxFiles: 1 });
    expect(portal.requests.map(r => r.files)).toEqual([
      ['svc.yaml'],
      ['api.yaml'],
    ]);
    expect(violations.map(v => `${v.file}:${v.line} ${v.message}`)).toEqual([
      'svc.yaml:8 spec.owner refers to group:default/ghosts, which does not exist',
      'api.yaml:8 spec.owner refers to group:default/ghosts, which does not exist',
    ]);
    portal.requests.length = 0;
    await check(files, { maxBytes: component.length });
    expect(portal.requests.map(r => r.files)).toEqual([
      ['svc.yaml'],
      ['api.yaml'],
    ]);
  });

  it('sends only the files that refer outside the validated files', async () => {
    const group =
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec:\n  type: team\n  children: []\n';
    const { checked } = await check([
      { path: 'g.yaml', text: group },
      { path: 'svc.yaml', text: component },
    ]);
    expect(checked).toBe(3);
    expect(portal.requests.map(r => r.files)).toEqual([['svc.yaml']]);
  });

  it('makes no request when there is nothing to look up', async () => {
    const group =
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec:\n  type: team\n  children: []\n';
    expect(await check([{ path: 'g.yaml', text: group }])).toEqual({
      checked: 0,
      violations: [],
    });
    expect(portal.requests).toEqual([]);
  });

  it('turns a refused token into an I/O error', async () => {
    const files = [{ path: 'svc.yaml', text: component }];
    await expect(check(files, { token: 'wrong' })).rejects.toThrow(
      new IoError(
        `the portal at ${portal.url} refused the catalog request (HTTP 401): check the token`,
      ),
    );
    await expect(check(files, { token: undefined })).rejects.toThrow(
      'pass a token with --token',
    );
  });

  it('turns other failures into I/O errors', async () => {
    const files = [{ path: 'svc.yaml', text: component }];
    await expect(
      check(files, { baseUrl: `${portal.url}/base` }),
    ).rejects.toThrow(
      `the portal answered HTTP 404 to POST ${portal.url}/base/api/catalog-validation/validate: Not found`,
    );
    const url = await unusedLocalUrl();
    await expect(check(files, { baseUrl: url })).rejects.toThrow(
      `cannot reach the portal at ${url}: ECONNREFUSED`,
    );
  });
});
