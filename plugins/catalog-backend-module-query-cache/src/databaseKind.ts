import { Knex } from 'knex';

/** Which of the catalog's databases this knex talks to; the probe and its index differ by it. */
export function databaseKind(knex: Knex): 'sqlite' | 'postgres' | 'other' {
  const client = String(knex.client.config.client);
  if (client.includes('sqlite')) return 'sqlite';
  if (client === 'pg' || client.includes('postgres')) return 'postgres';
  return 'other';
}
