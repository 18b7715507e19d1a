import { WorkloadStatus } from '@internal/plugin-deployments-common';
import { WorkloadStatusMemo } from './WorkloadStatusMemo';

describe('WorkloadStatusMemo', () => {
  it('rebuilds when the version changes or the entry is older than its maximum age', () => {
    const memo = new WorkloadStatusMemo(5_000);
    let builds = 0;
    const build = () => ({ name: `build-${++builds}` } as WorkloadStatus);
    expect(memo.get('prod/payments/billing', 1, 1_000, build).name).toBe(
      'build-1',
    );
    expect(memo.get('prod/payments/billing', 1, 4_000, build).name).toBe(
      'build-1',
    );
    expect(memo.get('prod/payments/billing', 2, 4_100, build).name).toBe(
      'build-2',
    );
    expect(memo.get('prod/payments/billing', 2, 9_200, build).name).toBe(
      'build-3',
    );
    expect(memo.get('prod/payments/orders', 2, 9_200, build).name).toBe(
      'build-4',
    );
  });
});
