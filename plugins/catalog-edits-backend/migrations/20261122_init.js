// @ts-check

/**
 * One row per pull request the portal opened to change a catalog file.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('catalog_edit_proposals', table => {
    table.comment('Catalog edits proposed from the portal as pull requests');
    table.string('id').primary().notNullable();
    table.string('entity_ref').notNullable().comment('The entity changed');
    table.text('edit').notNullable().comment('The edit, as JSON');
    table.string('requested_by').notNullable().comment('User entity ref');
    table.text('pull_request_url').notNullable();
    table.string('branch').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['entity_ref'], 'catalog_edit_proposals_entity_ref_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('catalog_edit_proposals');
};
