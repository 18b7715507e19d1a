import { describeMigrations } from '@internal/backend-test-kit';

jest.setTimeout(60_000);

describeMigrations('@internal/plugin-catalog-edits-backend', [
  {
    table: 'catalog_edit_proposals',
    row: {
      id: 'p1',
      entity_ref: 'component:default/pipeline-service',
      edit: JSON.stringify({ type: 'setOwner', owner: 'group:default/x' }),
      requested_by: 'user:default/jane',
      pull_request_url: 'https://github.com/o/r/pull/1',
      branch: 'strata/setOwner-pipeline-service-abcdef',
      created_at: new Date('2026-11-22T10:00:00Z'),
    },
    columns: ['id', 'entity_ref'],
  },
]);
