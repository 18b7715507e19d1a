// @ts-check

/**
 * Since when each optional input has answered without interruption, as evaluations saw it.
 * Telemetry's never-observed relations only mean "stale" once telemetry has watched its whole
 * window; right after a start it has watched seconds of it. Kept in the database (not memory)
 * so a restart does not reset the span and every replica gates the rule the same way.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('governance_source_availability', table => {
    table.comment(
      'Per optional input (telemetry): since when evaluations found it available without interruption',
    );
    table.string('source', 50).primary().notNullable().comment('telemetry');
    table
      .bigInteger('available_since')
      .notNullable()
      .comment(
        'epoch ms: the first evaluation of the current uninterrupted run that read it',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('governance_source_availability');
};
