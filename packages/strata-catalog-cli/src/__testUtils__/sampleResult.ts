import {
  CatalogValidationResult,
  Violation,
} from '@internal/plugin-catalog-validation-common';

/** A result with one error and one warning, for the formatter tests. */
export function sampleResult(): CatalogValidationResult {
  const violations: Violation[] = [
    {
      file: 'services/a, b/catalog-info.yaml',
      line: 4,
      column: 9,
      rule: 'entity-name',
      severity: 'error',
      message: 'Invalid entity name "my svc"',
      hint: 'Use 100% valid names:\nletters and digits',
      entityRef: 'component:default/my svc',
    },
    {
      file: 'services/a, b/catalog-info.yaml',
      line: 9,
      column: 12,
      rule: 'unsafe-link',
      severity: 'warning',
      message: 'metadata.links[0].url uses the ftp: scheme',
      hint: 'Use https.',
    },
  ];
  return {
    files: [
      {
        file: 'services/a, b/catalog-info.yaml',
        documents: 1,
        entities: [],
        violations,
      },
    ],
    entities: [],
    violations,
    errors: 1,
    warnings: 1,
  };
}
