import { billing } from '../__testUtils__/explainFixtures';
import { deployment, event, pod } from '../__testUtils__/fakeKubernetes';
import { slimDeployment, slimEvent, slimPod } from './slim';

describe('slim projections', () => {
  it('keeps what the card needs and drops managedFields and the last-applied annotation', () => {
    const raw = deployment(billing);
    raw.metadata.annotations['strata.dev/deployment-id'] = 'ci-4711';
    const slim = slimDeployment(raw);
    expect(slim.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '4',
      'strata.dev/deployment-id': 'ci-4711',
    });
    expect(JSON.stringify(slim)).not.toContain('managedFields');
    expect(JSON.stringify(slim).length).toBeLessThan(
      JSON.stringify(raw).length / 2,
    );
    expect(slim.spec.template.containers[0]).toEqual({
      name: 'billing',
      image: billing.image,
      memoryLimit: '512Mi',
      cpuLimit: '1',
      memoryRequest: '256Mi',
      cpuRequest: '250m',
      readinessProbe: 'HTTP GET :8080/ready',
    });
  });

  it('reads Date objects (typed client) and strings (watch lines) to the same ISO strings', () => {
    const raw = pod(billing, { condition: 'crash-loop' });
    const typed = structuredClone(raw);
    typed.metadata.creationTimestamp = new Date(raw.metadata.creationTimestamp);
    typed.status.containerStatuses[0].lastState.terminated.finishedAt =
      new Date(raw.status.containerStatuses[0].lastState.terminated.finishedAt);
    expect(slimPod(typed)).toEqual(slimPod(raw));
    expect(slimPod(raw).metadata.creationTimestamp).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/,
    );
  });

  it('reads events.k8s.io-style series counts and times', () => {
    const raw = event({
      involved: { kind: 'Pod', name: 'p', namespace: 'n' },
      reason: 'BackOff',
      message: 'm',
      count: 3,
    });
    raw.series = { count: 40, lastObservedTime: '2026-03-02T03:11:59.123456Z' };
    const slim = slimEvent(raw);
    expect(slim.count).toBe(40);
    expect(slim.lastSeen).toBe('2026-03-02T03:11:59.123Z');
  });
});
