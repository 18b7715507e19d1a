import { billing, explainInput, NOW } from '../__testUtils__/explainFixtures';
import { pod } from '../__testUtils__/fakeKubernetes';
import { explainContainerConfig } from './containerConfig';

describe('explainContainerConfig', () => {
  it('names the missing secret', () => {
    const [{ problem }] = explainContainerConfig(
      explainInput({
        pods: [pod(billing, { condition: 'config-error', now: NOW })],
      }),
    );
    expect(problem.kind).toBe('container-config');
    expect(problem.title).toBe(
      'The only pod is unable to start the container billing (CreateContainerConfigError: secret "billing-db" not found)',
    );
    expect(problem.explanation).toContain(
      'refers to the secret "billing-db", which does not exist in this namespace',
    );
  });
});
