/*
 * The module in the real events backend (HTTP ingress, body parsing, event bus) on every
 * database the suite has: deliveries posted to /api/events/http/github as GitHub posts them.
 */
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import eventsPlugin from '@backstage/plugin-events-backend';
import {
  EventParams,
  EventsService,
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import {
  isolatedTestBackendServices,
  waitFor,
} from '@internal/backend-test-kit';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { eventsModuleGithubWebhookStrict } from './module';

const SECRET = 'webhook-secret-for-tests';

const body = JSON.stringify({
  ref: 'refs/heads/main',
  after: 'a'.repeat(40),
  repository: { full_name: 'dataflow/billing', default_branch: 'main' },
  commits: [{ added: ['catalog-info.yaml'], removed: [], modified: [] }],
});

const headers = (signature?: string) => ({
  'content-type': 'application/json',
  'x-github-event': 'push',
  'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
  ...(signature ? { 'x-hub-signature-256': signature } : {}),
});

const sign = (payload: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(payload).digest('hex')}`;

/** Test code: hands the events plugin's EventsService to the test. */
function eventsHandle(handle: { events?: EventsService }) {
  return createBackendModule({
    pluginId: 'events',
    moduleId: 'test-events-handle',
    register(reg) {
      reg.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          handle.events = events;
        },
      });
    },
  });
}

const databases = TestDatabases.create();

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'GitHub webhook module on %s',
  databaseId => {
    async function start(webhookSecret?: string) {
      const handle: { events?: EventsService } = {};
      const logger = mockServices.logger.mock();
      const backend = await startTestBackend({
        features: [
          eventsPlugin,
          eventsModuleGithubWebhookStrict,
          eventsHandle(handle),
          eventsServiceFactory,
          logger.factory,
          ...isolatedTestBackendServices(databases, databaseId).features,
          mockServices.rootConfig.factory({
            data: {
              events: {
                useEventBus: 'never',
                ...(webhookSecret
                  ? { modules: { github: { webhookSecret } } }
                  : {}),
              },
            },
          }),
        ],
      });
      const received: Record<'github' | 'github.push', EventParams[]> = {
        github: [],
        'github.push': [],
      };
      await handle.events!.subscribe({
        id: 'test-spy',
        topics: ['github', 'github.push'],
        onEvent: async params => {
          received[params.topic as 'github' | 'github.push'].push(params);
        },
      });
      const logged = () =>
        [
          ...logger.info.mock.calls,
          ...logger.warn.mock.calls,
          ...logger.error.mock.calls,
          ...logger.debug.mock.calls,
        ]
          .map(call => JSON.stringify(call))
          .join('\n');
      return { backend, events: handle.events!, received, logger, logged };
    }

    describe('with events.modules.github.webhookSecret', () => {
      let running: Awaited<ReturnType<typeof start>>;
      beforeAll(async () => {
        running = await start(SECRET);
      });
      afterAll(async () => {
        await running?.backend.stop();
      });
      const deliver = (payload: string, h: Record<string, string>) =>
        request(running.backend.server)
          .post('/api/events/http/github')
          .set(h)
          .send(payload);

      it('answers a bad or a missing signature 401 with a JSON body and no WWW-Authenticate, and publishes nothing', async () => {
        const forged = await deliver(
          body,
          headers(sign(body, 'not-the-secret')),
        );
        expect(forged.status).toBe(401);
        expect(forged.headers['content-type']).toMatch(/^application\/json/);
        expect(forged.headers['www-authenticate']).toBeUndefined();
        expect(forged.body).toEqual({ message: 'invalid signature' });

        const unsigned = await deliver(body, headers());
        expect(unsigned.status).toBe(401);
        expect(unsigned.headers['www-authenticate']).toBeUndefined();
        expect(unsigned.body).toEqual({ message: 'invalid signature' });

        const tampered = await deliver(
          body.replace('billing', 'orders'),
          headers(sign(body, SECRET)),
        );
        expect(tampered.status).toBe(401);

        // A signed delivery after them arrives: had the refused ones been published, they
        // would have been routed before it.
        const signed = await deliver(body, headers(sign(body, SECRET)));
        expect(signed.status).toBe(202);
        await waitFor(
          async () =>
            running.received['github.push'].length ? true : undefined,
          'the signed delivery on github.push',
          { timeoutMs: 10_000 },
        );
        expect(running.received.github).toHaveLength(1);
        expect(running.received['github.push']).toHaveLength(1);
        expect(running.logger.warn).toHaveBeenCalledTimes(3);
        expect(running.logged()).not.toContain(SECRET);
      });

      it('refuses a body that is not JSON, or not application/json, before its signature is looked at', async () => {
        const before = running.logger.warn.mock.calls.length;
        const published = running.received.github.length;
        const notJson = await deliver('{"ref": ', headers());
        const form = await deliver('payload=%7B%7D', {
          ...headers(sign('payload=%7B%7D', SECRET)),
          'content-type': 'application/x-www-form-urlencoded',
        });
        expect([notJson.status, form.status]).toEqual([500, 415]);
        // No validator ran (it warns on every refusal), and nothing was published.
        expect(running.logger.warn.mock.calls.length).toBe(before);
        expect(running.received.github.length).toBe(published);
      });

      it('publishes a signed delivery on github and routes it to github.push', async () => {
        const before = running.received['github.push'].length;
        const res = await deliver(body, headers(sign(body, SECRET)));
        expect(res.status).toBe(202);
        expect(res.body).toEqual({ status: 'accepted' });
        const pushes = await waitFor(
          async () =>
            running.received['github.push'].length > before
              ? running.received['github.push']
              : undefined,
          'the delivery on github.push',
          { timeoutMs: 10_000 },
        );
        expect(pushes[before].eventPayload).toEqual(JSON.parse(body));
        expect(pushes[before].metadata?.['x-github-event']).toBe('push');
        expect(running.logger.info).toHaveBeenCalledWith(
          'GitHub webhooks at POST /api/events/http/github are accepted only with a valid X-Hub-Signature-256 for events.modules.github.webhookSecret; others are answered 401',
        );
      });
    });

    it('registers no endpoint without a secret and says why, and still routes github events', async () => {
      const running = await start();
      try {
        const res = await request(running.backend.server)
          .post('/api/events/http/github')
          .set(headers(sign(body, SECRET)))
          .send(body);
        expect(res.status).toBe(404);
        expect(running.logger.info).toHaveBeenCalledWith(
          'events.modules.github.webhookSecret is not set: POST /api/events/http/github is not registered and no GitHub webhook is received',
        );
        // Events on `github` from elsewhere (another ingress, another replica) are still routed.
        await running.events.publish({
          topic: 'github',
          eventPayload: JSON.parse(body),
          metadata: { 'x-github-event': 'push' },
        });
        const pushes = await waitFor(
          async () =>
            running.received['github.push'].length
              ? running.received['github.push']
              : undefined,
          'the published event on github.push',
          { timeoutMs: 10_000 },
        );
        expect(pushes.map(p => p.eventPayload)).toEqual([JSON.parse(body)]);
      } finally {
        await running.backend.stop();
      }
    });
  },
);
