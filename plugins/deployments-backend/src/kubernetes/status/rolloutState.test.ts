import { billing, NOW } from '../__testUtils__/explainFixtures';
import { deployment } from '../__testUtils__/fakeKubernetes';
import { slimDeployment } from '../cache/slim';
import { rolloutState } from './rolloutState';

const state = (raw: Record<string, any>) => rolloutState(slimDeployment(raw));

describe('rolloutState', () => {
  it('reads complete, progressing, stalled and paused', () => {
    expect(state(deployment(billing, { now: NOW }))).toBe('complete');
    expect(state(deployment(billing, { phase: 'progressing', now: NOW }))).toBe(
      'progressing',
    );
    expect(state(deployment(billing, { phase: 'stalled', now: NOW }))).toBe(
      'stalled',
    );
    expect(
      state(
        deployment(billing, { phase: 'progressing', paused: true, now: NOW }),
      ),
    ).toBe('paused');
  });

  it('is progressing while the controller has not observed the new generation', () => {
    const raw = deployment(billing, { now: NOW });
    raw.metadata.generation = 5;
    expect(state(raw)).toBe('progressing');
  });

  it('stays complete when a pod of a finished rollout becomes unavailable (a workload problem, not a rollout)', () => {
    expect(state(deployment(billing, { availableReplicas: 2, now: NOW }))).toBe(
      'complete',
    );
  });

  it('reads scaled to zero', () => {
    expect(
      state(
        deployment(
          { ...billing, replicas: 0 },
          {
            totalReplicas: 0,
            updatedReplicas: 0,
            availableReplicas: 0,
            now: NOW,
          },
        ),
      ),
    ).toBe('scaled-to-zero');
  });
});
