/*
 * Reports observed rollouts to the sink once per state change: "started" once, then each
 * outcome once. A rollout that has an outcome never goes back to "started" here (an HPA scaling
 * a finished Deployment briefly looks like progress again), and replaying the same watch events
 * reports nothing new. Reports are sent one at a time, in order, so a start never overtakes its
 * end; a report the sink rejects is not remembered, so the next observation retries it.
 * Remembers the most recent MAX_REMEMBERED ids; anything older that is seen again is re-sent,
 * which the sink's upsert absorbs.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { ObservedRollout, RolloutSink } from '../types';

const MAX_REMEMBERED = 10_000;

type ReportedState = 'started' | NonNullable<ObservedRollout['outcome']>;

function stateOf(r: ObservedRollout): ReportedState {
  return r.outcome ?? 'started';
}

export class RolloutTracker {
  private readonly reported = new Map<string, ReportedState>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: RolloutSink,
    private readonly logger: LoggerService,
  ) {}

  /** Queues what is new among `rollouts`; resolves when those reports were sent (or failed). */
  observe(rollouts: ObservedRollout[]): Promise<void> {
    for (const rollout of rollouts) {
      this.queue = this.queue.then(() => this.report(rollout));
    }
    return this.queue;
  }

  /** Resolves when everything queued so far has been sent. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async report(rollout: ObservedRollout): Promise<void> {
    const state = stateOf(rollout);
    const before = this.reported.get(rollout.id);
    if (before === state) return;
    if (before !== undefined && before !== 'started' && state === 'started')
      return;
    try {
      await this.sink.recordObservedRollout(rollout);
      this.reported.delete(rollout.id);
      this.reported.set(rollout.id, state);
      if (this.reported.size > MAX_REMEMBERED) {
        this.reported.delete(this.reported.keys().next().value!);
      }
    } catch (error) {
      this.logger.warn(
        `Could not record rollout ${rollout.id} (${state}); it is retried when the Deployment is next observed`,
        error as Error,
      );
    }
  }
}
