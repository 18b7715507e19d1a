import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { componentYaml } from './componentYaml';
import {
  CatalogTestBackend,
  mergeConfig,
  startCatalogTestBackend,
} from './startCatalogTestBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

jest.setTimeout(90_000);

describe.each(databases.eachSupportedId())(
  'startCatalogTestBackend (%s)',
  databaseId => {
    let catalog: CatalogTestBackend;
    let preparedIn: string | undefined;
    let preparedFiles: string[] = [];

    beforeAll(async () => {
      catalog = await startCatalogTestBackend({
        databases,
        databaseId,
        files: {
          'org/payments.yaml': componentYaml('payments', {
            owner: 'group:default/payments',
            description: 'takes payments',
          }),
        },
        async prepare(dir) {
          preparedIn = dir;
          preparedFiles = fs.readdirSync(path.join(dir, 'org'));
        },
        catalog: {
          processingInterval: { seconds: 1 },
          kinds: ['Component', 'Location'],
          locations: ['org/payments.yaml'],
        },
      });
    });

    afterAll(async () => {
      await catalog?.stop();
    });

    it('serves the entities of the files it was given, read from its own folder', async () => {
      // prepare ran in the folder, after the files were written.
      expect(preparedIn).toBe(catalog.dir);
      expect(preparedFiles).toEqual(['payments.yaml']);
      const payments = await catalog.waitForEntity(
        'component:default/payments',
        () => true,
        'payments',
      );
      expect(payments.metadata.description).toBe('takes payments');
      expect(payments.spec).toEqual({
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/payments',
      });
      expect(
        payments.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`file:${path.join(catalog.dir, 'org', 'payments.yaml')}`);
      expect(await catalog.entity('component:default/ledger')).toBeUndefined();
    });

    it('waits until a written file is read again', async () => {
      const file = catalog.writeFile(
        'org/payments.yaml',
        componentYaml('payments', {
          owner: 'group:default/payments',
          description: 'takes and refunds payments',
        }),
      );
      expect(file).toBe(path.join(catalog.dir, 'org', 'payments.yaml'));
      const payments = await catalog.waitForEntity(
        'component:default/payments',
        e => e.metadata.description === 'takes and refunds payments',
        'the new description',
        { timeoutMs: 30_000 },
      );
      expect(payments.metadata.name).toBe('payments');
    });

    it('removes its folder when it stops', async () => {
      const other = await startCatalogTestBackend({
        databases,
        databaseId,
        catalog: {
          processingInterval: { minutes: 10 },
          kinds: [],
          locations: [],
        },
      });
      expect(fs.existsSync(other.dir)).toBe(true);
      await other.stop();
      expect(fs.existsSync(other.dir)).toBe(false);
    });
  },
);

describe('mergeConfig', () => {
  it('merges objects key by key and lets arrays and values replace', () => {
    expect(
      mergeConfig(
        {
          catalog: { rules: [{ allow: ['Component'] }], locations: [] },
          backend: { actions: { pluginSources: ['catalog'] } },
        },
        {
          catalog: { locations: [{ type: 'file', target: '/x' }] },
          backend: { reading: { allow: [{ host: '127.0.0.1:1' }] } },
          permission: { enabled: true },
        },
      ),
    ).toEqual({
      catalog: {
        rules: [{ allow: ['Component'] }],
        locations: [{ type: 'file', target: '/x' }],
      },
      backend: {
        actions: { pluginSources: ['catalog'] },
        reading: { allow: [{ host: '127.0.0.1:1' }] },
      },
      permission: { enabled: true },
    });
  });
});

describe('componentYaml', () => {
  it('writes a production service with its owner, and the description only when given', () => {
    expect(componentYaml('ledger', { owner: 'group:default/billing' }))
      .toBe(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
spec:
  type: service
  lifecycle: production
  owner: group:default/billing
`);
    expect(
      componentYaml('ledger', {
        owner: 'group:default/billing',
        description: 'keeps the books',
      }),
    ).toContain('metadata:\n  name: ledger\n  description: keeps the books\n');
  });
});
