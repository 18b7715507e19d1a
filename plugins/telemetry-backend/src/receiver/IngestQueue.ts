/** The receiver has more spans waiting than its bound: answered 429 with Retry-After. */
export class OverloadedError extends Error {
  name = 'OverloadedError';
}

/**
 * A bounded queue in front of the store: at most `concurrency` batches are written at once, and
 * at most `maxQueuedSpans` spans wait or are being written. A batch that does not fit is refused
 * at once (the caller answers 429 and the exporter retries later) instead of piling up memory.
 */
export class IngestQueue<R> {
  private queuedSpans = 0;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

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
      if (this.running >= this.options.concurrency) {
        await new Promise<void>(resolve => this.waiting.push(resolve));
      } else {
        this.running += 1;
      }
      try {
        return await write();
      } finally {
        const next = this.waiting.shift();
        if (next) next();
        else this.running -= 1;
      }
    } finally {
      this.queuedSpans -= spans;
    }
  }
}
