import { newErrors } from './ProposalService';

const VALID = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: pipeline-service
spec:
  type: service
  lifecycle: production
  owner: group:default/pipelines
  tier: 1
`;

describe('newErrors', () => {
  it('reports the errors an edit introduces', () => {
    const broken = VALID.replace('  owner: group:default/pipelines\n', '');
    expect(newErrors(VALID, broken, 'catalog-info.yaml')).toEqual([
      expect.objectContaining({
        file: 'catalog-info.yaml',
        severity: 'error',
        entityRef: expect.any(String),
      }),
    ]);
  });

  it('ignores errors the file already had, so a fix is not blocked by them', () => {
    const before = VALID.replace('  owner: group:default/pipelines\n', '');
    const after = before.replace(
      'lifecycle: production',
      'lifecycle: production\n  system: system:default/pipelines',
    );
    expect(newErrors(before, before, 'c.yaml')).toEqual([]);
    expect(newErrors(before, after, 'c.yaml')).toEqual([]);
  });
});
