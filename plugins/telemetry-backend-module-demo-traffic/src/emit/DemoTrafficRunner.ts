import { LoggerService } from '@backstage/backend-plugin-api';
import { DemoTrafficShape } from '../shape';
import { SpanEmitter } from './SpanEmitter';

/** The most requests per second the demo makes: about 27 spans each, so under 300 spans a second. */
export const MAX_REQUESTS_PER_SECOND = 10;

/**
 * Emits the demo's requests at a steady, bounded rate: every tick the requests due since the
 * last one (fractions carry over), their ends spread over the tick so they do not all land in
 * the same millisecond. Stops on shutdown after flushing what is queued.
 */
export class DemoTrafficRunner {
  private timer?: ReturnType<typeof setInterval>;
  private due = 0;
  private emitted = 0;
  private readonly requestsPerSecond: number;
  private readonly tickMs: number;
  private readonly now: () => number;

  constructor(
    private readonly options: {
      shape: DemoTrafficShape;
      emitter: SpanEmitter;
      requestsPerSecond: number;
      logger?: LoggerService;
      tickMs?: number;
      now?: () => number;
    },
  ) {
    this.requestsPerSecond = Math.min(
      MAX_REQUESTS_PER_SECOND,
      Math.max(0, options.requestsPerSecond),
    );
    this.tickMs = options.tickMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Requests emitted so far. */
  get requests(): number {
    return this.emitted;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref?.();
    this.options.logger?.info(
      `Demo traffic: ${this.requestsPerSecond} requests a second through the DataFlow demo services`,
    );
  }

  /** Emits the requests due for one tick; returns how many. */
  tick(): number {
    this.due += (this.requestsPerSecond * this.tickMs) / 1000;
    const count = Math.floor(this.due);
    this.due -= count;
    const end = this.now();
    for (let i = 0; i < count; i++) {
      const flow = this.options.shape.nextFlow();
      this.options.emitter.emit(
        flow,
        end - ((count - 1 - i) * this.tickMs) / count,
      );
    }
    this.emitted += count;
    return count;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.options.emitter.shutdown();
  }
}
