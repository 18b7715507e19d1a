// @ts-check

/**
 * Rollout and incident history.
 *
 * Times are stored as epoch milliseconds (bigint), not as database timestamps: SQLite has no
 * timestamp type (knex would write whatever the driver makes of a Date), and a plain integer
 * compares and indexes the same on SQLite and PostgreSQL, so the DORA window queries
 * (`finished_at >= ? AND finished_at < ?`) are range scans on both.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('deployments_rollouts', table => {
    table.comment(
      'One row per rollout, merged from every source that reported it (same id = same rollout)',
    );
    table
      .string('id', 255)
      .primary()
      .notNullable()
      .comment('CD event id, or the id the Kubernetes watch derived');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 100).notNullable();
    table.string('version', 255).nullable();
    table.string('commit_sha', 100).nullable();
    table.bigInteger('commit_time').nullable().comment('epoch ms');
    table.bigInteger('started_at').notNullable().comment('epoch ms');
    table.bigInteger('finished_at').nullable().comment('epoch ms');
    table
      .string('outcome', 20)
      .nullable()
      .comment('succeeded | failed | rolled_back; null while in progress');
    table.string('k8s_cluster', 255).nullable();
    table.string('k8s_namespace', 255).nullable();
    table.string('k8s_workload', 255).nullable();
    table.string('k8s_revision', 50).nullable();
    table.text('k8s_image').nullable();
    table
      .string('sources', 50)
      .notNullable()
      .comment('Sorted, comma-separated: api, kubernetes');
    table.bigInteger('updated_at').notNullable().comment('epoch ms');
    // GET /v1/rollouts: one service's rollouts in one environment, newest first.
    table.index(
      ['entity_ref', 'environment', 'started_at'],
      'deployments_rollouts_entity_started_idx',
    );
    // DORA: the services' production rollouts that finished in a window.
    table.index(
      ['environment', 'finished_at', 'entity_ref'],
      'deployments_rollouts_env_finished_idx',
    );
  });

  await knex.schema.createTable('deployments_incidents', table => {
    table.comment('Incidents posted by incident tools, for time to restore');
    table.string('id', 255).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 100).notNullable();
    table.bigInteger('started_at').notNullable().comment('epoch ms');
    table.bigInteger('restored_at').nullable().comment('epoch ms');
    table.bigInteger('updated_at').notNullable().comment('epoch ms');
    table.index(
      ['environment', 'started_at', 'entity_ref'],
      'deployments_incidents_env_started_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('deployments_incidents');
  await knex.schema.dropTable('deployments_rollouts');
};
