import { emptyBuckets } from '../aggregate/histogram';
import { RedRange, RedSums } from '../database/AggregateReader';
import { StepSumsBatcher } from './StepSumsBatcher';

const range = (
  serviceName: string,
  extra: Partial<RedRange> = {},
): RedRange => ({
  serviceName,
  fromMs: 0,
  toMs: 3_600_000,
  ...extra,
});

function fakeReader() {
  const reads: Array<{ range: RedRange; stepMs: number; columns: string[] }> =
    [];
  const read = async (
    r: RedRange,
    stepMs: number,
    columns: readonly string[],
  ) => {
    reads.push({ range: r, stepMs, columns: [...columns].sort() });
    if (r.serviceName === 'broken') throw new Error('database gone');
    // One step whose requests name the service, so answers cannot be mixed up.
    const sums: RedSums = {
      requests: r.serviceName.length,
      errors: 1,
      buckets: emptyBuckets(),
    };
    return [sums];
  };
  return { reads, read };
}

describe('StepSumsBatcher', () => {
  it('reads series of the same range and step asked for together once, with the union of their columns', async () => {
    const { reads, read } = fakeReader();
    const batcher = new StepSumsBatcher(read);
    const answers = await Promise.all([
      batcher.load(range('orders'), 300_000, ['requests']),
      batcher.load(range('orders'), 300_000, ['errors']),
      batcher.load(range('orders'), 300_000, ['b40', 'b41']),
      batcher.load(range('orders'), 300_000, ['requests']),
      // Another service, step, operation or range: a read of its own.
      batcher.load(range('billing'), 300_000, ['requests']),
      batcher.load(range('orders'), 60_000, ['requests']),
      batcher.load(range('orders', { operation: 'GET /x' }), 300_000, [
        'requests',
      ]),
      batcher.load(range('orders', { toMs: 7_200_000 }), 300_000, ['requests']),
    ]);
    expect(reads).toHaveLength(5);
    expect(reads[0]).toEqual({
      range: range('orders'),
      stepMs: 300_000,
      columns: ['b40', 'b41', 'errors', 'requests'],
    });
    expect(answers.map(a => a[0].requests)).toEqual([6, 6, 6, 6, 7, 6, 6, 6]);
  });

  it('reads again for what is asked in a later turn of the event loop', async () => {
    const { reads, read } = fakeReader();
    const batcher = new StepSumsBatcher(read);
    await batcher.load(range('orders'), 300_000, ['requests']);
    await batcher.load(range('orders'), 300_000, ['requests']);
    expect(reads).toHaveLength(2);
  });

  it('fails every caller of a failed read, and only those', async () => {
    const { read } = fakeReader();
    const batcher = new StepSumsBatcher(read);
    const results = await Promise.allSettled([
      batcher.load(range('broken'), 300_000, ['requests']),
      batcher.load(range('broken'), 300_000, ['errors']),
      batcher.load(range('orders'), 300_000, ['requests']),
    ]);
    expect(results.map(r => r.status)).toEqual([
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe(
      'database gone',
    );
  });
});
