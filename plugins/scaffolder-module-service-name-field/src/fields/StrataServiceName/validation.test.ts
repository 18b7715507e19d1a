import { ApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { strataServiceNameValidation } from './validation';
import { reportExporter } from './testEntities';

async function errorsFor(name: string, apis: Map<string, unknown>) {
  const addError = jest.fn();
  await strataServiceNameValidation(name, { addError } as any, {
    apiHolder: { get: (ref: ApiRef<unknown>) => apis.get(ref.id) as any },
    formData: { name },
    schema: {},
  });
  return addError.mock.calls.map(([message]) => message);
}

const withCatalog = new Map<string, unknown>([
  [catalogApiRef.id, catalogApiMock({ entities: [reportExporter] })],
]);

describe('strataServiceNameValidation', () => {
  it('accepts a free, well-formed name', async () => {
    await expect(errorsFor('report-importer', withCatalog)).resolves.toEqual(
      [],
    );
  });

  it('rejects a taken name, naming the entity and its owner', async () => {
    await expect(errorsFor('report-exporter', withCatalog)).resolves.toEqual([
      'report-exporter is taken by component:default/report-exporter (owner group:default/growth)',
    ]);
  });

  it('rejects a malformed name with the rule', async () => {
    await expect(errorsFor('reports-', withCatalog)).resolves.toEqual([
      'The name cannot end with a hyphen.',
    ]);
    await expect(errorsFor('', withCatalog)).resolves.toEqual([
      'Enter a name for the service.',
    ]);
  });

  it('still applies the rule, and lets well-formed names through, when the catalog fails', async () => {
    const failing = new Map<string, unknown>([
      [
        catalogApiRef.id,
        { getEntities: jest.fn().mockRejectedValue(new Error('503')) },
      ],
    ]);
    await expect(errorsFor('fine-name', failing)).resolves.toEqual([]);
    await expect(errorsFor('ab', failing)).resolves.toEqual([
      'Use at least 3 characters.',
    ]);
    await expect(errorsFor('ab', new Map())).resolves.toEqual([
      'Use at least 3 characters.',
    ]);
  });
});
