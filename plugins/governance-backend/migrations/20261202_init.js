// @ts-check

/**
 * The governance plugin's state: evaluations (the latest few, with their findings and check
 * results), a daily history of counts for trends, and waivers.
 *
 * Times are epoch milliseconds (bigint), as in the deployments plugin: SQLite has no timestamp
 * type, and an integer compares and indexes the same on SQLite and PostgreSQL.
 *
 * An evaluation's findings and check results are one JSON document each, not a row per finding:
 * they are written once, read whole (the API filters the latest evaluation in memory, cached by
 * id), and dropped whole by retention. A row per finding would cost an insert per finding for
 * every run over a 10,000-service catalog, for queries nothing asks.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_evaluations', table => {
    table.comment('One row per finished evaluation of the rules and checks');
    table.increments('id').primary();
    table.bigInteger('started_at').notNullable().comment('epoch ms');
    table.bigInteger('finished_at').notNullable().comment('epoch ms');
    table
      .string('trigger', 30)
      .notNullable()
      .comment('schedule | catalog-change | api');
    table
      .string('catalog_fingerprint', 64)
      .notNullable()
      .comment('hash of every entity ref and etag the evaluation read');
    table
      .text('sources')
      .notNullable()
      .comment('JSON: {catalog, telemetry, deployments} → ok | unavailable: …');
    table.text('findings').notNullable().comment('JSON: Finding[]');
    table.text('check_results').notNullable().comment('JSON: CheckResult[]');
    table
      .text('entities')
      .notNullable()
      .comment(
        'JSON: each entity reduced to ref, owner and system (what scorecards and rollups group by)',
      );
    table.index(['finished_at'], 'governance_evaluations_finished_idx');
  });

  await knex.schema.createTable('governance_history', table => {
    table.comment(
      'Per day, counts of open (unwaived) findings per rule and owner, and entities per level; the day’s last evaluation wins',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('dimension', 10).notNullable().comment('rule | owner | level');
    table.string('name', 255).notNullable();
    table.integer('count').notNullable();
    table.primary(['day', 'dimension', 'name']);
  });

  await knex.schema.createTable('governance_waivers', table => {
    table.comment(
      'Accepted exceptions: a finding (by key) or a check on one entity, with reason, approver and expiry',
    );
    table.string('id', 36).primary().notNullable().comment('uuid');
    table.string('finding_key', 1024).nullable();
    table.string('check_id', 255).nullable();
    table.string('entity_ref', 255).nullable();
    table.text('reason').notNullable();
    table.string('approver', 255).notNullable().comment('user entity ref');
    table.bigInteger('created_at').notNullable().comment('epoch ms');
    table.bigInteger('expires_at').notNullable().comment('epoch ms');
    table.index(['expires_at'], 'governance_waivers_expires_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_waivers');
  await knex.schema.dropTable('governance_history');
  await knex.schema.dropTable('governance_evaluations');
};
