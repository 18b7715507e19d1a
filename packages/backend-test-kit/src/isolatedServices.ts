import { ServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { perPluginDatabases } from './perPluginDatabases';

export interface IsolatedTestBackendServices {
  /** Add these to `startTestBackend({ features })`. */
  features: ServiceFactory[];
  /**
   * Resolves once no query of this backend's plugins has run for `quietMs` (after
   * `backend.stop()`, before the databases close). Rejects after `timeoutMs`, naming the last
   * query, if something keeps querying.
   */
  whenDatabasesIdle(options?: {
    quietMs?: number;
    timeoutMs?: number;
  }): Promise<void>;
}

/**
 * The services that keep one test backend away from another's state when a test file starts
 * several (typically one per database engine):
 *
 * - a database per plugin (see perPluginDatabases);
 * - a scheduler of its own. startTestBackend's default scheduler is ONE MockSchedulerService for
 *   the whole test file (backend-test-utils builds its default service factories once, when the
 *   module loads), and each backend's startup triggers every task that scheduler knows — the
 *   tasks a stopped backend scheduled too (the catalog's orphan cleanup, entity providers'
 *   scans). Those then query the stopped backend's databases, after TestDatabases has closed
 *   them: "Unable to acquire a connection" as uncaught errors in whichever test runs next.
 *
 * `whenDatabasesIdle` covers what still runs briefly after `backend.stop()`: the scaffolder's
 * per-task event poll (one query a second until it sees the task's completion event) has no
 * stop hook and ends up to a second after the task.
 */
export function isolatedTestBackendServices(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): IsolatedTestBackendServices {
  let inFlight = 0;
  let lastQueryAt = Date.now();
  let lastSql = '';
  const watch = (knex: Knex) => {
    knex.on('query', (query: { sql: string }) => {
      inFlight += 1;
      lastQueryAt = Date.now();
      lastSql = query.sql;
    });
    const done = () => {
      inFlight = Math.max(0, inFlight - 1);
      lastQueryAt = Date.now();
    };
    knex.on('query-response', done);
    knex.on('query-error', done);
  };

  return {
    features: [
      perPluginDatabases(databases, databaseId, { onClient: watch }),
      mockServices.scheduler.factory(),
    ],
    async whenDatabasesIdle({ quietMs = 1200, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 || Date.now() - lastQueryAt < quietMs) {
        if (Date.now() > deadline) {
          throw new Error(
            `The test backend's databases were still being queried ${timeoutMs} ms after it stopped; last query: ${lastSql}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 50));
      }
    },
  };
}
