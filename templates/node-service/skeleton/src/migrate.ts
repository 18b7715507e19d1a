/** `npm run migrate`: applies pending migrations and exits (e.g. as a Kubernetes Job). */
import { readConfig } from './config';
import { createDatabase, migrateToLatest } from './db';
import { errorMessage, logger } from './log';

async function run(): Promise<void> {
  const db = createDatabase(readConfig(process.env).databaseUrl);
  try {
    await migrateToLatest(db);
    logger.info('migrations applied');
  } finally {
    await db.destroy();
  }
}

run().catch(error => {
  logger.error('migrations failed', { error: errorMessage(error) });
  process.exitCode = 1;
});
