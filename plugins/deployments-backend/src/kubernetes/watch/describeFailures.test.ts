import { describeFailures } from './ClusterWatch';

describe('describeFailures', () => {
  it('shows one sentence for an unreachable cluster, the variant most informers report', () => {
    expect(
      describeFailures('unreachable', [
        'unreachable: connection refused (https://k8s)',
        'unreachable: connection reset (https://k8s)',
        'unreachable: connection refused (https://k8s)',
      ]),
    ).toBe('unreachable: connection refused (https://k8s)');
  });

  it('lists every distinct 403, since each names what to grant', () => {
    expect(
      describeFailures('forbidden', [
        '403: the service account may not list pods in payments',
        '403: the service account may not list events in payments',
        '403: the service account may not list pods in payments',
      ]),
    ).toBe(
      '403: the service account may not list pods in payments (and 1 more: 403: the service account may not list events in payments)',
    );
  });
});
