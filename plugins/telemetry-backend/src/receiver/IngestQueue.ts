/** The receiver has more spans waiting than its bound: answered 429 with Retry-After. */
export class OverloadedError extends Error {
  name = 'OverloadedError';
}

/**
 * A bounded queue in front of the store: at most `concurrency` writes run at once, and at most
 * `maxQueuedSpans` spans wait or are being written. A batch that does not fit is refused at once
 * (the caller answers 429 and the exporter retries later) instead of piling up memory.
 *
 * When a write ends and batches are waiting, all of them start together and share its slot
 * until the last of them ends. Started together, they reach the store in the same turn of the
 * event loop, and the store commits them in one transaction (IngestStore's group commit): under
 * load, the fixed cost of a transaction (statements, the commit) is paid once per group instead
 * of once per batch.
 */
export class IngestQueue<R> {
  private queuedSpans = 0;
  private running = 0;
  private waiting: Array<(done: () => void) => void> = [];

  constructor(
    private readonly options: {
      maxQueuedSpans: number;
      concurrency: number;
    },
  ) {}

  get queued(): number {
    return this.queuedSpans;
  }

  /** Runs `write` for a batch of `spans` spans when a slot is free; throws OverloadedError when full. */
  async submit(spans: number, write: () => Promise<R>): Promise<R> {
    if (this.queuedSpans > 0 && this.queuedSpans + spans > this.options.maxQueuedSpans) {
      throw new OverloadedError(
        `The receiver has ${this.queuedSpans} spans waiting to be stored (limit ${this.options.maxQueuedSpans}); retry later`,
      );
    }
    this.queuedSpans += spans;
    try {
      let done: () => void;
      if (this.running >= this.options.concurrency) {
        done = await new Promise<() => void>(resolve => this.waiting.push(resolve));
      } else {
        this.running += 1;
        done = () => this.release();
      }
      try {
        return await write();
      } finally {
        done();
      }
    } finally {
      this.queuedSpans -= spans;
    }
  }

  /** A slot is free: the batches waiting now start together in it, or the slot is given back. */
  private release() {
    const wave = this.waiting;
    if (wave.length === 0) {
      this.running -= 1;
      return;
    }
    this.waiting = [];
    let left = wave.length;
    const done = () => {
      left -= 1;
      if (left === 0) this.release();
    };
    for (const start of wave) start(done);
  }
}
