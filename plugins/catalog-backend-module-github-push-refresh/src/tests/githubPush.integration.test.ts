/*
 * The real catalog, the real events backend with Strata's GitHub webhook module (signature
 * check answering 401, upstream's `github` → `github.push` router), the stock
 * GithubEntityProvider and this module, on
 * every database the suite has. GitHub itself is the fake of catalog-edits' tests (contents API
 * with raw media type and ETags, as the catalog's GithubUrlReader reads it); pushes are
 * recorded-shape webhook deliveries posted to /api/events/http/github. The processing loop is
 * 10 minutes here: whatever shows within the test's seconds was brought by the push.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import githubCatalogModule from '@backstage/plugin-catalog-backend-module-github';
import eventsPlugin from '@backstage/plugin-events-backend';
import {
  EventsService,
  eventsServiceFactory,
} from '@backstage/plugin-events-node';
import {
  catalogEventsHandle,
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import githubWebhookModule from '@internal/plugin-events-backend-module-github-webhook';
import request from 'supertest';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- test code: Strata's one fake GitHub lives with catalog-edits' tests
import { FakeGithub } from '../../../catalog-edits-backend/src/tests/fakeGithub';
import githubPushRefreshModule from '../index';
import { discoveryPassModule } from './discoveryPass';
import {
  deliveryHeaders,
  fakeSha,
  pushPayload,
  PushedCommit,
} from './pushPayload';

const SECRET = 'webhook-secret-for-tests';

const component = (
  name: string,
  description: string,
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: ${description}
spec:
  type: service
  lifecycle: production
  owner: group:default/payments
`;

const api = (
  name: string,
  description: string,
) => `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: ${name}
  description: ${description}
spec:
  type: openapi
  lifecycle: production
  owner: group:default/payments
  definition: "openapi: 3.0.0"
`;

/** An entity as the catalog serves it: with the processing errors in `status`. */
type ServedEntity = Entity & { status?: { items?: unknown[] } };

const databases = TestDatabases.create();

jest.setTimeout(90_000);

describe.each(databases.eachSupportedId())(
  'GitHub push → catalog on %s',
  databaseId => {
    const github = new FakeGithub({ token: 'ghp_test' });
    const discovery: { offer?: (target: string) => Promise<void> } = {};
    const handle: { events?: EventsService } = {};
    const pushes: unknown[] = [];
    let server: Parameters<typeof request>[0];
    let stop: () => Promise<void>;
    /** The files of each fake repository's main branch, as the tests change them. */
    const files: Record<string, Record<string, string>> = {
      billing: {},
      orders: {},
    };

    const setFiles = (repo: string, changes: Record<string, string | null>) => {
      for (const [path, text] of Object.entries(changes)) {
        if (text === null) delete files[repo][path];
        else files[repo][path] = text;
      }
      // A new commit on main with these files (the fake keeps one commit per repository).
      github.addRepo({ owner: 'dataflow', name: repo, files: files[repo] });
    };

    const deliver = (body: string, headers: Record<string, string>) =>
      request(server).post('/api/events/http/github').set(headers).send(body);

    const push = async (
      repo: string,
      commits: PushedCommit[],
      options: { branch?: string; delivery?: string } = {},
    ) => {
      const body = JSON.stringify(
        pushPayload({
          owner: 'dataflow',
          repo,
          branch: options.branch ?? 'main',
          after: fakeSha(),
          commits,
        }),
      );
      const headers = deliveryHeaders(body, SECRET, options.delivery);
      const res = await deliver(body, headers);
      expect(res.status).toBe(202);
      return { body, headers };
    };

    const entity = async (kind: string, name: string) => {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/${kind}/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      return res.status === 200 ? (res.body as ServedEntity) : undefined;
    };
    const described = (kind: string, name: string, description: string) =>
      waitFor(
        async () => {
          const e = await entity(kind, name);
          return e?.metadata.description === description ? e : undefined;
        },
        `${kind} ${name} described "${description}"`,
        { timeoutMs: 20_000 },
      );
    const gone = (kind: string, name: string) =>
      waitFor(
        async () => ((await entity(kind, name)) ? undefined : true),
        `${kind} ${name} to leave the catalog`,
        { timeoutMs: 20_000 },
      );
    const allEntities = async () => {
      const res = await request(server)
        .get('/api/catalog/entities')
        .set('Authorization', mockCredentials.user.header());
      return res.body as Entity[];
    };

    beforeAll(async () => {
      const baseUrl = await github.start();
      setFiles('billing', { 'README.md': '# billing\n' });
      setFiles('orders', { 'README.md': '# orders\n' });
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          githubCatalogModule,
          githubPushRefreshModule,
          discoveryPassModule(discovery),
          catalogEventsHandle(handle),
          eventsPlugin,
          githubWebhookModule,
          eventsServiceFactory,
          ...isolatedTestBackendServices(databases, databaseId).features,
          mockServices.rootConfig.factory({
            data: {
              integrations: {
                github: [
                  {
                    host: 'github.com',
                    apiBaseUrl: baseUrl,
                    token: 'ghp_test',
                  },
                ],
              },
              events: {
                useEventBus: 'never',
                modules: { github: { webhookSecret: SECRET } },
              },
              catalog: {
                processingInterval: { minutes: 10 },
                rules: [{ allow: ['Component', 'API', 'Location'] }],
                providers: {
                  github: {
                    dataflow: {
                      organization: 'dataflow',
                      catalogPath: '/**/catalog-info.yaml',
                      filters: { branch: 'main' },
                      // Its organisation listing (GraphQL) is not what is under test: the
                      // discovery pass module stands in for it where a test needs one.
                      schedule: {
                        frequency: { hours: 24 },
                        timeout: { minutes: 1 },
                        initialDelay: { hours: 24 },
                      },
                    },
                  },
                },
              },
            },
          }),
        ],
      });
      server = backend.server;
      stop = () => backend.stop();
      await handle.events!.subscribe({
        id: 'test-push-spy',
        topics: ['github.push'],
        onEvent: async params => {
          pushes.push(params.eventPayload);
        },
      });
    });

    afterAll(async () => {
      await stop?.();
      await github.stop();
    });

    it('answers a delivery with a bad or missing signature 401 and publishes nothing', async () => {
      setFiles('billing', {
        'catalog-info.yaml': component('billing', 'bills customers'),
      });
      const body = JSON.stringify(
        pushPayload({
          owner: 'dataflow',
          repo: 'billing',
          branch: 'main',
          after: fakeSha(),
          commits: [{ added: ['catalog-info.yaml'] }],
        }),
      );
      const forged = deliveryHeaders(body, 'not-the-secret');
      const res = await deliver(body, forged);
      // Issue 14: 401 "invalid signature" (Backstage's own GitHub events module answers 403).
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'invalid signature' });
      expect(res.headers['www-authenticate']).toBeUndefined();
      const unsigned = await deliver(body, {
        'content-type': 'application/json',
        'x-github-event': 'push',
      });
      expect(unsigned.status).toBe(401);
      expect(unsigned.body).toEqual({ message: 'invalid signature' });
      expect(pushes).toEqual([]);
      expect(await entity('component', 'billing')).toBeUndefined();
    });

    it('shows a catalog file added to a repository discovery already offered', async () => {
      // Discovery offered billing's catalog file before it existed: an optional location that
      // read nothing. The stock provider re-offering the same location changes nothing the
      // catalog would re-read; the push's refresh of the file's key does.
      await discovery.offer!(
        'https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
      );
      await waitFor(async () => {
        const locations = (await allEntities()).filter(
          e => e.kind === 'Location',
        );
        return locations.length > 0 ? true : undefined;
      }, 'the discovered location');
      const started = Date.now();
      await push('billing', [{ added: ['catalog-info.yaml'] }]);
      await described('component', 'billing', 'bills customers');
      expect(Date.now() - started).toBeLessThan(15_000);
    });

    it('re-reads a modified catalog file', async () => {
      setFiles('billing', {
        'catalog-info.yaml': component('billing', 'bills customers monthly'),
      });
      await push('billing', [{ modified: ['catalog-info.yaml'] }]);
      const billing = await described(
        'component',
        'billing',
        'bills customers monthly',
      );
      expect(billing.status?.items ?? []).toEqual([]);
    });

    it('answers a forged push to a file the catalog reads 401 and leaves its entity as it was', async () => {
      setFiles('billing', {
        'catalog-info.yaml': component('billing', 'rewritten by a forger'),
      });
      const before = pushes.length;
      const body = JSON.stringify(
        pushPayload({
          owner: 'dataflow',
          repo: 'billing',
          branch: 'main',
          after: fakeSha(),
          commits: [{ modified: ['catalog-info.yaml'] }],
        }),
      );
      const forged = await deliver(
        body,
        deliveryHeaders(body, 'not-the-secret'),
      );
      expect(forged.status).toBe(401);
      // A genuine signature over another body does not carry over to this one.
      const otherBody = body.replace('change 1', 'change 2');
      const transplanted = await deliver(
        body,
        deliveryHeaders(otherBody, SECRET),
      );
      expect(transplanted.status).toBe(401);
      expect(pushes.length).toBe(before);
      // Nothing to refresh it: the file changed on main, yet the catalog still serves the last
      // signed push's version (the loop is 10 minutes).
      await new Promise(resolve => setTimeout(resolve, 3000));
      expect((await entity('component', 'billing'))?.metadata.description).toBe(
        'bills customers monthly',
      );
    });

    it('ignores a push to a branch that is not the default one', async () => {
      // main changes without a push to main; a push to a feature branch names the file
      setFiles('billing', {
        'catalog-info.yaml': component(
          'billing',
          'changed on a feature branch',
        ),
      });
      const before = pushes.length;
      await push('billing', [{ modified: ['catalog-info.yaml'] }], {
        branch: 'feature/new-invoices',
      });
      expect(pushes.length).toBe(before + 1);
      // A main push after it is handled: had the feature push refreshed, the file would
      // already read so, and the order of handling shows the feature push was skipped.
      await new Promise(resolve => setTimeout(resolve, 3000));
      expect((await entity('component', 'billing'))?.metadata.description).toBe(
        'bills customers monthly',
      );
    });

    it('takes a replayed delivery without harm', async () => {
      setFiles('billing', {
        'catalog-info.yaml': component('billing', 'bills and refunds'),
      });
      const delivery = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
      const first = await push(
        'billing',
        [{ modified: ['catalog-info.yaml'] }],
        {
          delivery,
        },
      );
      const once = await described('component', 'billing', 'bills and refunds');
      // The same delivery again (GitHub's "Redeliver", or a replay by someone who captured
      // it): accepted, and the catalog ends as it was, with no error.
      const replay = await deliver(first.body, first.headers);
      expect(replay.status).toBe(202);
      await new Promise(resolve => setTimeout(resolve, 3000));
      const twice = await entity('component', 'billing');
      expect(twice?.metadata.description).toBe('bills and refunds');
      expect(twice?.metadata.uid).toBe(once.metadata.uid);
      expect(twice?.status).toEqual(once.status);
    });

    it('moves the entities of a renamed catalog file, then removes them with the file', async () => {
      setFiles('orders', {
        'catalog-info.yaml': component('orders', 'takes orders'),
      });
      await push('orders', [{ added: ['catalog-info.yaml'] }]);
      await described('component', 'orders', 'takes orders');

      setFiles('orders', {
        'catalog-info.yaml': null,
        'services/orders/catalog-info.yaml': component('orders', 'moved'),
      });
      await push('orders', [
        {
          removed: ['catalog-info.yaml'],
          added: ['services/orders/catalog-info.yaml'],
        },
      ]);
      const moved = await described('component', 'orders', 'moved');
      // (The catalog's GitHub reader names the file it read with a /tree/ URL.)
      expect(
        moved.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toMatch(
        /^url:https:\/\/github\.com\/dataflow\/orders\/(blob|tree)\/main\/services\/orders\/catalog-info\.yaml$/,
      );

      setFiles('orders', { 'services/orders/catalog-info.yaml': null });
      await push('orders', [
        { removed: ['services/orders/catalog-info.yaml'] },
      ]);
      await gone('component', 'orders');
      // No orphan: nothing in the catalog still comes from either path.
      const leftovers = (await allEntities()).filter(e =>
        JSON.stringify(e.metadata.annotations ?? {}).includes(
          'dataflow/orders/blob/main',
        ),
      );
      expect(leftovers).toEqual([]);
    });

    it('refreshes a url location registered by hand, and unregisters it when its file is removed', async () => {
      const target =
        'https://github.com/dataflow/orders/blob/main/docs/orders-api.yaml';
      setFiles('orders', {
        'docs/orders-api.yaml': api('orders-api', 'version 1'),
      });
      const registered = await request(server)
        .post('/api/catalog/locations')
        .set('Authorization', mockCredentials.user.header())
        .send({ type: 'url', target });
      expect(registered.status).toBe(201);
      await described('api', 'orders-api', 'version 1');

      setFiles('orders', {
        'docs/orders-api.yaml': api('orders-api', 'version 2'),
      });
      await push('orders', [{ modified: ['docs/orders-api.yaml'] }]);
      await described('api', 'orders-api', 'version 2');

      setFiles('orders', { 'docs/orders-api.yaml': null });
      const removal = await push('orders', [
        { removed: ['docs/orders-api.yaml'] },
      ]);
      await gone('api', 'orders-api');
      // A replay of that removal finds nothing left to remove, and fails nothing.
      const again = await deliver(removal.body, removal.headers);
      expect(again.status).toBe(202);
      const locations = await request(server)
        .get('/api/catalog/locations')
        .set('Authorization', mockCredentials.user.header());
      expect(
        locations.body.map((l: { data: { target: string } }) => l.data.target),
      ).not.toContain(target);
    });
  },
);
