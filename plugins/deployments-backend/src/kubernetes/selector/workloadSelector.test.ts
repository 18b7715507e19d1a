import { Entity } from '@backstage/catalog-model';
import { workloadSelectorFor } from './workloadSelector';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing-service', annotations },
  spec: {},
});

describe('workloadSelectorFor', () => {
  it('uses the kubernetes-id annotation as the label value, in the annotated namespace', () => {
    expect(
      workloadSelectorFor(
        entity({
          'backstage.io/kubernetes-id': 'billing',
          'backstage.io/kubernetes-namespace': 'payments',
        }),
      ),
    ).toEqual({
      selector: [
        { key: 'backstage.io/kubernetes-id', op: 'in', values: ['billing'] },
      ],
      description:
        'label backstage.io/kubernetes-id=billing in namespace payments',
      namespace: 'payments',
    });
  });

  it('prefers the label-selector annotation', () => {
    const s = workloadSelectorFor(
      entity({
        'backstage.io/kubernetes-id': 'billing',
        'backstage.io/kubernetes-label-selector': 'app=billing,tier=web',
      }),
    );
    expect(s.description).toBe('label selector app=billing,tier=web');
    expect(s.selector).toHaveLength(2);
  });

  it("falls back to the entity's name, as upstream does, and says so", () => {
    expect(workloadSelectorFor(entity({})).description).toBe(
      "label backstage.io/kubernetes-id=billing-service (the entity's name: it has no backstage.io/kubernetes-id annotation)",
    );
  });

  it('reports an unreadable selector instead of matching everything', () => {
    const s = workloadSelectorFor(
      entity({ 'backstage.io/kubernetes-label-selector': 'app in billing' }),
    );
    expect(s.selector).toBeUndefined();
    expect(s.description).toContain('cannot be used');
  });
});
