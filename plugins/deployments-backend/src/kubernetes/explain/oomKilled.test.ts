import { billing, explainInput, NOW } from '../__testUtils__/explainFixtures';
import { pod, podName } from '../__testUtils__/fakeKubernetes';
import { explainOomKilled } from './oomKilled';

describe('explainOomKilled', () => {
  it('names the memory limit the container exceeded and that it now crash-loops', () => {
    const input = explainInput({
      pods: [
        pod(billing, { index: 0, condition: 'oom-killed', now: NOW }),
        pod(billing, { index: 1, now: NOW }),
      ],
    });
    const [{ problem }] = explainOomKilled(input);
    expect(problem.kind).toBe('oom-killed');
    expect(problem.title).toBe(
      '1 of 2 pods was OOMKilled: the container billing ran out of memory (limit 512Mi)',
    );
    expect(problem.explanation).toContain(
      'used more than its memory limit of 512Mi (exit code 137)',
    );
    expect(problem.explanation).toContain('now in CrashLoopBackOff');
    expect(problem.checkFirst).toContain('resources.limits.memory');
    expect(problem.evidence[0]).toBe(
      `${podName(
        billing,
        0,
      )}: container billing OOMKilled, exit code 137, at 03:10:00 UTC, memory limit 512Mi, 7 restarts, now CrashLoopBackOff`,
    );
  });

  it('ignores an OOM kill from long ago on a container that has been running since', () => {
    const raw = pod(billing, { now: NOW });
    raw.status.containerStatuses[0].restartCount = 1;
    raw.status.containerStatuses[0].lastState = {
      terminated: {
        exitCode: 137,
        reason: 'OOMKilled',
        startedAt: '2026-02-20T10:00:00Z',
        finishedAt: '2026-02-21T10:00:00Z',
      },
    };
    expect(explainOomKilled(explainInput({ pods: [raw] }))).toEqual([]);

    raw.status.containerStatuses[0].lastState.terminated.finishedAt =
      '2026-03-02T02:50:00Z';
    expect(
      explainOomKilled(explainInput({ pods: [raw] }))[0].problem.explanation,
    ).not.toContain('CrashLoopBackOff');
  });
});
