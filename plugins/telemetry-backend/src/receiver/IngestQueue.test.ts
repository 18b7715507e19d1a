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
