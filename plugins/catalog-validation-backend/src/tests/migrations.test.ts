import { describeMigrations } from '@internal/backend-test-kit';

jest.setTimeout(60_000);

describeMigrations('@internal/plugin-catalog-validation-backend', [
  {
    table: 'catalog_entity_conflicts',
    row: {
      id: 'c1',
      entity_ref: 'component:default/billing',
      kept_location: 'file:/repo/billing/catalog-info.yaml',
      ignored_location: 'file:/repo/copy/catalog-info.yaml',
      first_seen_at: new Date('2026-11-22T10:00:00Z'),
      last_seen_at: new Date('2026-11-22T10:00:00Z'),
    },
    columns: ['id', 'entity_ref'],
  },
]);
