/*
 * Test-only: the harness starts this package's module; the event template's tests also need the
 * real catalog-edits backend (the propose-produces step calls it). `jest.mock('../module', ...)`
 * in those tests swaps the module for a loader of both.
 */
/* eslint-disable @backstage/no-undeclared-imports -- test-only helper; devDependencies on purpose */
import {
  BackendFeature,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- test-only: the real backend the step calls
import catalogEditsPlugin from '@internal/plugin-catalog-edits-backend';

/** The replacement for ../module: the real module plus catalog-edits. */
export function moduleWithCatalogEdits(actual: {
  scaffolderModuleStrata: BackendFeature;
}) {
  return {
    ...actual,
    scaffolderModuleStrata: createBackendFeatureLoader({
      loader: () => [actual.scaffolderModuleStrata, catalogEditsPlugin],
    }),
  };
}
