// @ts-check

/**
 * One caller, several callees: a message produced once and consumed by two services is two
 * edges, but `telemetry_pending_pairs` held one row per client span, with a single callee slot,
 * so the second consumer's half replaced the first (or was stranded).
 *
 * From here on:
 * - `telemetry_pending_pairs` keeps one row per client (producer) span: the caller's side. Every
 *   half upserts it first, so it is the row two replicas meet on (the second waits for the
 *   first's commit); a callee half that finds no caller there waits in
 * - `telemetry_pending_receivers`, one row per callee span (trace id + its own span id).
 *
 * Callee halves waiting in the old table move over (their own span id was not kept; the pair key
 * stands in for it, there was one per pair). The old callee columns are dropped.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('telemetry_pending_receivers', table => {
    table.comment(
      'Callee (server/consumer) span halves waiting for their caller; a produced message may have several',
    );
    table
      .string('pair_key', 48)
      .notNullable()
      .comment('trace id + client (producer) span id');
    table
      .string('receiver_key', 48)
      .notNullable()
      .comment('trace id + this callee span id');
    table.string('server_service', 255).notNullable();
    table
      .string('kind', 20)
      .notNullable()
      .comment("The callee's guess; the caller's kind wins");
    table.boolean('server_error').notNullable();
    table.bigInteger('at_ms').notNullable().comment('End of the callee span');
    table.bigInteger('created_at').notNullable();
    table.primary(['pair_key', 'receiver_key']);
    table.index(['created_at'], 'telemetry_pending_receivers_created_idx');
  });
  await knex.raw(
    'INSERT INTO telemetry_pending_receivers ' +
      '(pair_key, receiver_key, server_service, kind, server_error, at_ms, created_at) ' +
      'SELECT pair_key, pair_key, server_service, kind, COALESCE(server_error, ?), at_ms, created_at ' +
      'FROM telemetry_pending_pairs WHERE server_service IS NOT NULL AND client_service IS NULL',
    [false],
  );
  await knex.schema.alterTable('telemetry_pending_pairs', table => {
    table.dropColumn('server_service');
    table.dropColumn('server_error');
  });
};

/**
 * Back to one callee slot per pair: each pair keeps its earliest waiting callee (the old table
 * cannot hold more).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('telemetry_pending_pairs', table => {
    table.string('server_service', 255).nullable();
    table.boolean('server_error').nullable();
  });
  const receivers = await knex('telemetry_pending_receivers')
    .orderBy(['pair_key', 'at_ms', 'receiver_key'])
    .select();
  const seen = new Set();
  for (const r of receivers) {
    if (seen.has(r.pair_key)) continue;
    seen.add(r.pair_key);
    const callee = {
      server_service: r.server_service,
      server_error: Boolean(r.server_error),
    };
    const updated = await knex('telemetry_pending_pairs')
      .where({ pair_key: r.pair_key })
      .update(callee);
    if (!updated) {
      await knex('telemetry_pending_pairs').insert({
        pair_key: r.pair_key,
        client_service: null,
        kind: r.kind,
        client_error: null,
        at_ms: r.at_ms,
        created_at: r.created_at,
        ...callee,
      });
    }
  }
  // Caller rows that only callees made (to meet on) mean nothing in the old model.
  await knex('telemetry_pending_pairs')
    .whereNull('client_service')
    .whereNull('server_service')
    .delete();
  await knex.schema.dropTable('telemetry_pending_receivers');
};
