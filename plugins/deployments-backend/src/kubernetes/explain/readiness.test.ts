import { billing, explainInput, NOW } from '../__testUtils__/explainFixtures';
import { event, pod, podName } from '../__testUtils__/fakeKubernetes';
import { explainReadiness } from './readiness';

describe('explainReadiness', () => {
  it('explains running-but-not-ready pods with the probe and its failure', () => {
    const input = explainInput({
      pods: [
        pod(billing, { index: 0, condition: 'not-ready', now: NOW }),
        pod(billing, { index: 1, condition: 'not-ready', now: NOW }),
        pod(billing, { index: 2, now: NOW }),
      ],
      events: [
        event({
          involved: {
            kind: 'Pod',
            name: podName(billing, 0),
            namespace: 'payments',
          },
          reason: 'Unhealthy',
          message:
            'Readiness probe failed: HTTP probe failed with statuscode: 503',
          count: 210,
          fieldPath: 'spec.containers{billing}',
          now: NOW,
        }),
      ],
    });
    const [{ problem }] = explainReadiness(input);
    expect(problem.kind).toBe('readiness-failing');
    expect(problem.title).toBe(
      '2 of 3 pods are running but not ready: readiness probe HTTP GET :8080/ready failing (HTTP probe failed with statuscode: 503)',
    );
    expect(problem.explanation).toContain('they receive no traffic');
    expect(problem.checkFirst).toContain(
      `kubectl port-forward -n payments pod/${podName(billing, 0)}`,
    );
    expect(problem.evidence).toContainEqual(
      expect.stringContaining('Unhealthy (×210): Readiness probe failed'),
    );
  });

  it('gives a container that just started a minute before calling it failing', () => {
    const raw = pod(billing, { condition: 'not-ready', now: NOW });
    raw.status.containerStatuses[0].state = {
      running: { startedAt: '2026-03-02T03:11:30Z' },
    };
    expect(explainReadiness(explainInput({ pods: [raw] }))).toEqual([]);
  });

  it('does not call a crash-looping pod a readiness problem', () => {
    expect(
      explainReadiness(
        explainInput({
          pods: [pod(billing, { condition: 'crash-loop', now: NOW })],
        }),
      ),
    ).toEqual([]);
  });
});
