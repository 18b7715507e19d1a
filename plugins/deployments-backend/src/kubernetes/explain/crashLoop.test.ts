import { billing, explainInput, NOW } from '../__testUtils__/explainFixtures';
import { event, pod, podName } from '../__testUtils__/fakeKubernetes';
import { explainCrashLoop } from './crashLoop';

describe('explainCrashLoop', () => {
  it('says how many pods crash-loop, with the last exit code and reason, and where to look', () => {
    const input = explainInput({
      pods: [
        pod(billing, {
          index: 0,
          condition: 'crash-loop',
          exitCode: 1,
          restarts: 14,
          now: NOW,
        }),
        pod(billing, {
          index: 1,
          condition: 'crash-loop',
          exitCode: 1,
          restarts: 12,
          now: NOW,
        }),
        pod(billing, { index: 2, now: NOW }),
      ],
      events: [
        event({
          involved: {
            kind: 'Pod',
            name: podName(billing, 0),
            namespace: 'payments',
          },
          reason: 'BackOff',
          message: `Back-off restarting failed container billing in pod ${podName(
            billing,
            0,
          )}_payments(uid)`,
          count: 61,
          now: NOW,
        }),
      ],
    });
    const [{ problem, events }] = explainCrashLoop(input);
    expect(problem.kind).toBe('crash-loop');
    expect(problem.severity).toBe('error');
    expect(problem.title).toBe(
      '2 of 3 pods are crash-looping (exit code 1, Error)',
    );
    expect(problem.explanation).toContain('14 times so far');
    expect(problem.explanation).toContain('general application error');
    expect(problem.checkFirst).toContain(
      `kubectl logs -n payments ${podName(billing, 0)} -c billing --previous`,
    );
    expect(problem.pods).toEqual([podName(billing, 0), podName(billing, 1)]);
    expect(problem.evidence[0]).toBe(
      `${podName(
        billing,
        0,
      )}: container billing CrashLoopBackOff, last exit code 1 (Error), at 03:10:00 UTC, 14 restarts`,
    );
    expect(problem.evidence).toContainEqual(
      expect.stringContaining(
        'BackOff (×61): Back-off restarting failed container',
      ),
    );
    expect(events).toHaveLength(1);
  });

  it('names the meaning of 127 and 143 exit codes', () => {
    const notFound = explainCrashLoop(
      explainInput({
        pods: [
          pod(billing, {
            condition: 'crash-loop',
            exitCode: 127,
            terminationReason: 'Error',
            now: NOW,
          }),
        ],
      }),
    )[0].problem;
    expect(notFound.title).toBe(
      'The only pod is crash-looping (exit code 127, Error)',
    );
    expect(notFound.explanation).toContain(
      'the command was not found in the image',
    );

    const sigterm = explainCrashLoop(
      explainInput({
        pods: [
          pod(billing, { condition: 'crash-loop', exitCode: 143, now: NOW }),
        ],
      }),
    )[0].problem;
    expect(sigterm.explanation).toContain('SIGTERM');
    expect(sigterm.checkFirst).toContain('Liveness probe failed');
  });

  it('leaves OOM kills to the OOM explanation and healthy pods alone', () => {
    expect(
      explainCrashLoop(
        explainInput({
          pods: [pod(billing, { condition: 'oom-killed', now: NOW })],
        }),
      ),
    ).toEqual([]);
    expect(
      explainCrashLoop(explainInput({ pods: [pod(billing, { now: NOW })] })),
    ).toEqual([]);
  });
});
