// @ts-check

/**
 * Entities declared in more than one registered location. The catalog keeps the copy it saw first
 * and ignores the other, telling only its log and the events bus
 * (`experimental.catalog.conflict`); this table is what lets the portal show it on the entity.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('catalog_entity_conflicts', table => {
    table.comment('Entities declared in more than one catalog location');
    table
      .string('id', 64)
      .primary()
      .notNullable()
      .comment('sha256 of entity_ref and ignored_location');
    table.string('entity_ref').notNullable();
    table
      .text('kept_location')
      .notNullable()
      .comment('Location key of the copy the catalog serves');
    table
      .text('ignored_location')
      .notNullable()
      .comment('Location key of the copy the catalog ignores');
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table.index(['entity_ref'], 'catalog_entity_conflicts_entity_ref_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('catalog_entity_conflicts');
};
