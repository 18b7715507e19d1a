import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { catalogValidationPlugin } from './plugin';

/** Tells the test when the endpoint has started validating. */
const mockValidation: { started?: () => void } = {};

jest.mock('@internal/plugin-catalog-validation-common', () => {
  const actual = jest.requireActual(
    '@internal/plugin-catalog-validation-common',
  );
  return {
    ...actual,
    validateCatalogFilesAsync: (...args: unknown[]) => {
      mockValidation.started?.();
      return actual.validateCatalogFilesAsync(...args);
    },
  };
});

/** About 1 MiB of valid entities in 200 files: the largest request the endpoint takes. */
function maximalRequest() {
  const files = [];
  for (let f = 0; f < 200; f++) {
    let content = '';
    for (let i = 0; content.length < 5000; i++) {
      content += [
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        `  name: svc-${f}-${i}`,
        'spec:',
        '  type: service',
        '  lifecycle: production',
        '  owner: group:default/team-a',
        '  tier: 2',
        '',
      ].join('\n');
    }
    files.push({ path: `svc-${f}/catalog-info.yaml`, content });
  }
  return { files };
}

// Starting a test backend alone can pass Jest's 5 s default on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('catalogValidationPlugin under load', () => {
  it('answers health checks while a maximal validation request runs', async () => {
    const { server } = await startTestBackend({
      features: [catalogValidationPlugin, catalogServiceMock.factory()],
    });
    const started = new Promise<void>(resolve => {
      mockValidation.started = resolve;
    });
    const body = maximalRequest();
    expect(JSON.stringify(body).length).toBeGreaterThan(1_000_000);

    const order: string[] = [];
    const validation = request(server)
      .post('/api/catalog-validation/validate')
      .send(body)
      .then(response => {
        order.push('validation');
        return response;
      });
    await started;
    const health = await request(server).get('/.backstage/health/v1/liveness');
    order.push('health');
    const validated = await validation;

    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ files: 200, errors: 0 });
    expect(validated.body.entities).toBeGreaterThan(3000);
    // Answered while the validation was still running.
    expect(order).toEqual(['health', 'validation']);
  });
});
