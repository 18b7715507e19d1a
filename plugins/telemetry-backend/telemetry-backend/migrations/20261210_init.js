// @ts-check

/**
 * Telemetry aggregates (not a trace database): RED per service/operation per minute and per
 * hour, the observed service graph per minute and per hour, the de-duplication window, the
 * caller/callee halves waiting for each other, and the bounded trace samples.
 *
 * Times are epoch milliseconds (bigint), as in the other plugins: they compare and index the
 * same on SQLite and PostgreSQL. Histogram buckets b00…b51 follow src/aggregate/histogram.ts
 * (R10 bounds, 1 ms … 100 s, and an overflow bucket); rows merge by adding column by column.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const BUCKETS = Array.from({ length: 52 }, (_, i) => `b${String(i).padStart(2, '0')}`);

  /** @param {string} name @param {string} comment */
  const redTable = (name, comment) =>
    knex.schema.createTable(name, table => {
      table.comment(comment);
      table.string('service_name', 255).notNullable().comment('OTel service.name');
      table.string('operation', 255).notNullable().comment('Span name of the served span');
      table.bigInteger('bucket').notNullable().comment('Start of the minute/hour, epoch ms');
      table.bigInteger('requests').notNullable();
      table.bigInteger('errors').notNullable();
      table.double('duration_sum_ms').notNullable();
      for (const b of BUCKETS) table.integer(b).notNullable().defaultTo(0);
      table.primary(['service_name', 'bucket', 'operation']);
      table.index(['bucket'], `${name}_bucket_idx`);
    });
  await redTable('telemetry_red_minutes', 'Requests, errors, latency histogram per service, operation and minute');
  await redTable('telemetry_red_hours', 'The same per hour: rolled up from minutes, kept longer');

  /** @param {string} name @param {string} comment */
  const edgeTable = (name, comment) =>
    knex.schema.createTable(name, table => {
      table.comment(comment);
      table.string('source', 255).notNullable().comment('otel:<service> | topic:<name>');
      table.string('target', 255).notNullable().comment('otel:<service> | db:<system>/<name> | topic:<name>');
      table.string('kind', 20).notNullable().comment('http | rpc | messaging | database');
      table.bigInteger('bucket').notNullable();
      table.bigInteger('count').notNullable();
      table.bigInteger('errors').notNullable();
      table.bigInteger('first_seen').notNullable();
      table.bigInteger('last_seen').notNullable();
      table.primary(['bucket', 'source', 'target', 'kind']);
    });
  await edgeTable('telemetry_edge_minutes', 'Observed service-graph edges per minute');
  await edgeTable('telemetry_edge_hours', 'Observed service-graph edges per hour');

  await knex.schema.createTable('telemetry_seen_spans', table => {
    table.comment('De-duplication window: a span id seen here is not counted again');
    table.string('span_key', 48).primary().notNullable().comment('trace id + span id, hex');
    table.bigInteger('seen_at').notNullable();
    table.index(['seen_at'], 'telemetry_seen_spans_seen_at_idx');
  });

  await knex.schema.createTable('telemetry_pending_pairs', table => {
    table.comment('Caller/callee span halves from different batches, waiting for each other');
    table.string('pair_key', 48).primary().notNullable().comment('trace id + client span id');
    table.string('client_service', 255).nullable();
    table.string('server_service', 255).nullable();
    table.string('kind', 20).notNullable();
    table.boolean('client_error').nullable();
    table.boolean('server_error').nullable();
    table.bigInteger('at_ms').notNullable().comment('End of the first half seen');
    table.bigInteger('created_at').notNullable();
    table.index(['created_at'], 'telemetry_pending_pairs_created_idx');
  });

  await knex.schema.createTable('telemetry_trace_samples', table => {
    table.comment('Per service: the 20 latest failing and the 20 slowest recent traces');
    table.string('service_name', 255).notNullable();
    table.string('reason', 10).notNullable().comment('error | slow');
    table.string('trace_id', 32).notNullable();
    table.double('duration_ms').notNullable();
    table.bigInteger('start_ms').notNullable();
    table.string('root_name', 255).notNullable();
    table.bigInteger('sampled_at').notNullable();
    table.primary(['service_name', 'reason', 'trace_id']);
    table.index(['trace_id'], 'telemetry_trace_samples_trace_idx');
    table.index(['sampled_at'], 'telemetry_trace_samples_sampled_idx');
  });

  await knex.schema.createTable('telemetry_sample_spans', table => {
    table.comment('The spans of sampled traces (only of those), for their span trees');
    table.string('trace_id', 32).notNullable();
    table.string('span_id', 16).notNullable();
    table.text('span').notNullable().comment('JSON: the span without children');
    table.bigInteger('stored_at').notNullable();
    table.primary(['trace_id', 'span_id']);
    table.index(['stored_at'], 'telemetry_sample_spans_stored_idx');
  });

  await knex.schema.createTable('telemetry_state', table => {
    table.comment('Small named values, e.g. how far minutes are rolled up into hours');
    table.string('key', 100).primary().notNullable();
    table.bigInteger('value').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'telemetry_state',
    'telemetry_sample_spans',
    'telemetry_trace_samples',
    'telemetry_pending_pairs',
    'telemetry_seen_spans',
    'telemetry_edge_hours',
    'telemetry_edge_minutes',
    'telemetry_red_hours',
    'telemetry_red_minutes',
  ]) {
    await knex.schema.dropTable(table);
  }
};
