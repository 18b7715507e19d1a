import { IngestQueue, OverloadedError } from './IngestQueue';

describe('IngestQueue', () => {
  it('writes at most `concurrency` batches at once and refuses what does not fit', async () => {
    const queue = new IngestQueue<string>({ maxQueuedSpans: 1000, concurrency: 1 });
    let release!: () => void;
    let running = 0;
    let maxRunning = 0;
    const write = (name: string) => async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>(resolve => {
        release = resolve;
      });
      running -= 1;
      return name;
    };
    const first = queue.submit(600, write('first'));
    const second = queue.submit(300, write('second'));
    expect(queue.queued).toBe(900);
    // 900 + 200 > 1000: refused at once, nothing queued for it.
    await expect(queue.submit(200, write('third'))).rejects.toThrow(OverloadedError);
    expect(queue.queued).toBe(900);
    await new Promise(r => setImmediate(r));
    release();
    expect(await first).toBe('first');
    await new Promise(r => setImmediate(r));
    release();
    expect(await second).toBe('second');
    expect(maxRunning).toBe(1);
    expect(queue.queued).toBe(0);
  });

  it('takes a batch larger than the bound when nothing else waits (it would never fit)', async () => {
    const queue = new IngestQueue<number>({ maxQueuedSpans: 10, concurrency: 2 });
    expect(await queue.submit(50, async () => 50)).toBe(50);
  });

  it('frees the slot when a write fails', async () => {
    const queue = new IngestQueue<number>({ maxQueuedSpans: 10, concurrency: 1 });
    await expect(queue.submit(5, async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await queue.submit(5, async () => 1)).toBe(1);
    expect(queue.queued).toBe(0);
  });
});

describe('IngestQueue waves', () => {
  it('starts every batch that waited for a slot together, in that slot', async () => {
    const queue = new IngestQueue<number>({ maxQueuedSpans: 1000, concurrency: 1 });
    const releases: Array<() => void> = [];
    const started: number[] = [];
    const write = (n: number) => () =>
      new Promise<number>(resolve => {
        started.push(n);
        releases[n] = () => resolve(n);
      });
    const results = [1, 2, 3, 4].map(n => queue.submit(10, write(n)));
    await new Promise(r => setImmediate(r));
    expect(started).toEqual([1]);
    releases[1]();
    await new Promise(r => setImmediate(r));
    // 2, 3 and 4 waited: they start together, in the same turn of the event loop.
    expect(started).toEqual([1, 2, 3, 4]);
    // A batch arriving while the wave runs waits for the whole wave.
    const fifth = queue.submit(10, write(5));
    releases[2]();
    releases[3]();
    await new Promise(r => setImmediate(r));
    expect(started).toEqual([1, 2, 3, 4]);
    releases[4]();
    await new Promise(r => setImmediate(r));
    expect(started).toEqual([1, 2, 3, 4, 5]);
    releases[5]();
    expect(await Promise.all([...results, fifth])).toEqual([1, 2, 3, 4, 5]);
    expect(queue.queued).toBe(0);
  });
});
