import { billing, explainInput } from '../__testUtils__/explainFixtures';
import { hpa } from '../__testUtils__/fakeKubernetes';
import { explainHpaAtMax } from './hpaAtMax';

describe('explainHpaAtMax', () => {
  it('warns when the autoscaler is pinned at its maximum (TooManyReplicas)', () => {
    const [{ problem }] = explainHpaAtMax(
      explainInput({ hpa: hpa(billing, { min: 2, max: 10, atMax: true }) }),
    );
    expect(problem.kind).toBe('hpa-at-max');
    expect(problem.severity).toBe('warning');
    expect(problem.title).toBe(
      'The autoscaler billing is pinned at its maximum of 10 replicas',
    );
    expect(problem.evidence).toEqual([
      'billing: current 10, desired 10, min 2, max 10',
      'ScalingLimited=True, reason TooManyReplicas: the desired replica count is more than the maximum replica count',
    ]);
  });

  it('is silent within range and for a fixed-size HPA', () => {
    expect(
      explainHpaAtMax(explainInput({ hpa: hpa(billing, { min: 2, max: 10 }) })),
    ).toEqual([]);
    expect(
      explainHpaAtMax(
        explainInput({ hpa: hpa(billing, { min: 4, max: 4, current: 4 }) }),
      ),
    ).toEqual([]);
  });
});
