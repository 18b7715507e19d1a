import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { GovernanceSettings } from '../config';

const UNIT_MS: Record<string, number> = {
  years: 365 * 86_400_000,
  months: 30 * 86_400_000,
  weeks: 7 * 86_400_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
};

/** A schedule's frequency in ms when it is a duration ({ minutes: 5 }); undefined for cron or manual. */
function frequencyMs(
  frequency: SchedulerServiceTaskScheduleDefinition['frequency'],
): number | undefined {
  if (typeof frequency !== 'object' || frequency === null) return undefined;
  if ('cron' in frequency || 'trigger' in frequency) return undefined;
  const duration = frequency as unknown as Record<string, unknown>;
  if (typeof duration.toMillis === 'function') {
    return (duration.toMillis as () => number)();
  }
  let total = 0;
  for (const [unit, value] of Object.entries(duration)) {
    if (typeof value !== 'number' || !(unit in UNIT_MS)) return undefined;
    total += value * UNIT_MS[unit];
  }
  return total > 0 ? total : undefined;
}

/**
 * By when the next evaluation starts at the latest, as far as the settings tell: the catalog-
 * change probe runs every `frequencySeconds` and evaluates when the catalog differs from the
 * latest evaluation's (a newly registered entity makes it differ); without the probe, the
 * schedule's next run after the latest evaluation started. Undefined when neither says (a cron
 * or manual schedule without the probe). Epoch ms.
 */
export function nextEvaluationBy(
  settings: Pick<GovernanceSettings, 'changeProbe' | 'schedule'>,
  latestStartedAt: number,
  now: number,
): number | undefined {
  if (settings.changeProbe.enabled) {
    return now + settings.changeProbe.frequencySeconds * 1000;
  }
  const every = frequencyMs(settings.schedule.frequency);
  if (every === undefined) return undefined;
  let next = latestStartedAt + every;
  while (next < now) next += every;
  return next;
}
