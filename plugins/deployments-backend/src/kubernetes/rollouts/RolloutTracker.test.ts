import { mockServices } from '@backstage/backend-test-utils';
import { ObservedRollout } from '../types';
import { RolloutTracker } from './RolloutTracker';

const started: ObservedRollout = {
  id: 'k8s:prod/payments/billing@4',
  cluster: 'prod',
  environment: 'production',
  namespace: 'payments',
  workload: 'billing',
  revision: '4',
  image: 'billing:1.4.3',
  version: '1.4.3',
  startedAt: '2026-03-02T02:42:00.000Z',
};
const succeeded: ObservedRollout = {
  ...started,
  outcome: 'succeeded',
  finishedAt: '2026-03-02T02:50:00.000Z',
};

describe('RolloutTracker', () => {
  it('reports each state of a rollout once, however often it is observed', async () => {
    const recorded: ObservedRollout[] = [];
    const tracker = new RolloutTracker(
      { recordObservedRollout: async r => void recorded.push(r) },
      mockServices.logger.mock(),
    );
    await tracker.observe([started]);
    await tracker.observe([started]);
    await tracker.observe([succeeded]);
    await tracker.observe([succeeded]);
    // A scale-up briefly makes the finished rollout look in progress again: not a new state.
    await tracker.observe([started]);
    expect(recorded).toEqual([started, succeeded]);
  });

  it('retries a report the sink rejected at the next observation', async () => {
    let fail = true;
    const recorded: ObservedRollout[] = [];
    const logger = mockServices.logger.mock();
    const tracker = new RolloutTracker(
      {
        recordObservedRollout: async r => {
          if (fail) throw new Error('database is down');
          recorded.push(r);
        },
      },
      logger,
    );
    await tracker.observe([succeeded]);
    expect(recorded).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Could not record rollout k8s:prod/payments/billing@4 (succeeded)',
      ),
      expect.any(Error),
    );
    fail = false;
    await tracker.observe([succeeded]);
    expect(recorded).toEqual([succeeded]);
  });

  it('reports a later, different outcome (failed, then rolled back)', async () => {
    const recorded: string[] = [];
    const tracker = new RolloutTracker(
      {
        recordObservedRollout: async r =>
          void recorded.push(r.outcome ?? 'started'),
      },
      mockServices.logger.mock(),
    );
    await tracker.observe([
      started,
      { ...started, outcome: 'failed' },
      { ...started, outcome: 'rolled_back' },
    ]);
    expect(recorded).toEqual(['started', 'failed', 'rolled_back']);
  });
});
