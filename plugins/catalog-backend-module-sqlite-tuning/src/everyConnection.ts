import { Knex } from 'knex';

const SET_UP = Symbol.for('strata.sqliteTuning.connectionSetUp');

type Connection = { [SET_UP]?: Set<string> };

type AcquiringClient = {
  acquireConnection(): Promise<Connection>;
};

/**
 * Runs `setup` once on every raw connection this knex hands out: the one its pool holds now and
 * any it creates later (after an error, or an idle connection reaped). It wraps the client's
 * acquireConnection, which knex calls for plain queries and for each transaction alike
 * (transactions run on the parent client's pooled connection), so a setup reaches statements in
 * transactions too. `name` keeps each setup to one run per connection. Returns the connection
 * the pool holds now, after its setup, for callers that check what the driver offers.
 */
export async function setUpEveryConnection<C extends object>(
  knex: Knex,
  name: string,
  setup: (connection: C) => void,
): Promise<C> {
  const client = knex.client as unknown as AcquiringClient;
  const acquire = client.acquireConnection;
  client.acquireConnection = async function acquiringSetUp() {
    const connection = await acquire.call(this);
    const done = (connection[SET_UP] ??= new Set());
    if (!done.has(name)) {
      setup(connection as unknown as C);
      done.add(name);
    }
    return connection;
  };
  const connection = await client.acquireConnection();
  await knex.client.releaseConnection(connection);
  return connection as unknown as C;
}
