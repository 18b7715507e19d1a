import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { isolatedTestBackendServices } from './isolatedServices';

jest.setTimeout(60_000);

/** A plugin whose scheduled task counts its runs, per backend (`label`). */
function countingPlugin(label: string, runs: string[]) {
  return createBackendPlugin({
    pluginId: 'counting',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          await scheduler.scheduleTask({
            // A different id per backend, as two backends' providers can have, so the second
            // backend does not simply overwrite the first one's task in a shared scheduler.
            id: `count-${label}`,
            frequency: { minutes: 10 },
            timeout: { minutes: 1 },
            fn: async () => {
              runs.push(label);
            },
          });
        },
      });
    },
  });
}

/** A plugin that keeps querying its database every `everyMs`, for five seconds. */
function pollingPlugin(everyMs: number) {
  return createBackendPlugin({
    pluginId: 'polling',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          const knex = await database.getClient();
          const until = Date.now() + 5_000;
          const poll = () => {
            if (Date.now() > until) return;
            knex
              .raw('select 1')
              .catch(() => {})
              .finally(() => setTimeout(poll, everyMs).unref());
          };
          poll();
        },
      });
    },
  });
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('isolatedTestBackendServices', () => {
  it('gives each backend its own scheduler: starting a second backend does not re-run the first one’s tasks', async () => {
    const runs: string[] = [];
    const first = isolatedTestBackendServices(databases, 'SQLITE_3');
    const backend1 = await startTestBackend({
      features: [...first.features, countingPlugin('first', runs)],
    });
    await backend1.stop();
    const second = isolatedTestBackendServices(databases, 'SQLITE_3');
    const backend2 = await startTestBackend({
      features: [...second.features, countingPlugin('second', runs)],
    });
    await backend2.stop();
    expect(runs).toEqual(['first', 'second']);
  });

  it('without it (the default scheduler is shared by the test file), the second start re-runs the stopped backend’s task', async () => {
    const runs: string[] = [];
    const backend1 = await startTestBackend({
      features: [countingPlugin('first', runs)],
    });
    await backend1.stop();
    const backend2 = await startTestBackend({
      features: [countingPlugin('second', runs)],
    });
    await backend2.stop();
    // If this starts failing, backend-test-utils has fixed the sharing and the scheduler in
    // isolatedTestBackendServices may go.
    expect(runs).toEqual(['first', 'first', 'second']);
  });

  it('whenDatabasesIdle resolves once the plugins stop querying', async () => {
    const services = isolatedTestBackendServices(databases, 'SQLITE_3');
    const backend = await startTestBackend({ features: services.features });
    await backend.stop();
    await expect(
      services.whenDatabasesIdle({ quietMs: 100 }),
    ).resolves.toBeUndefined();
  });

  it('whenDatabasesIdle names the query of a loop that never stops', async () => {
    const services = isolatedTestBackendServices(databases, 'SQLITE_3');
    const backend = await startTestBackend({
      features: [...services.features, pollingPlugin(20)],
    });
    await backend.stop();
    await expect(
      services.whenDatabasesIdle({ quietMs: 200, timeoutMs: 1000 }),
    ).rejects.toThrow(/still being queried .* last query: select 1/);
  });
});
