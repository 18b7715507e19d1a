/*
 * Asks the on-call providers in order (modules first, the catalog's rotation last); the first
 * answer wins and names its provider as `source`. A provider that fails is reported in the
 * answer's `reason` and the next one is asked, so a PagerDuty outage still yields the catalog's
 * rotation rather than no on-call at all.
 */
import type { OnCall } from '@internal/plugin-ownership-common';
import type {
  OnCallProvider,
  OnCallRequest,
} from '@internal/plugin-ownership-node';

export async function resolveOnCall(
  providers: OnCallProvider[],
  request: OnCallRequest,
): Promise<OnCall> {
  const failures: string[] = [];
  for (const provider of providers) {
    let answer;
    try {
      answer = await provider.getOnCall(request);
    } catch (error) {
      failures.push(`${provider.id} failed: ${(error as Error).message}`);
      continue;
    }
    if (!answer) continue;
    return {
      source: provider.id,
      ...(answer.primary ? { primary: answer.primary } : {}),
      ...(answer.secondary ? { secondary: answer.secondary } : {}),
      ...(answer.until ? { until: answer.until.toISOString() } : {}),
      ...(answer.schedule ? { schedule: answer.schedule } : {}),
      ...(answer.fromGroup ? { fromGroup: answer.fromGroup } : {}),
      ...(answer.escalationPolicy
        ? { escalationPolicy: answer.escalationPolicy }
        : {}),
      ...(failures.length ? { reason: failures.join('; ') } : {}),
    };
  }
  const asked = providers.map(p => p.id).join(', ');
  return {
    source: 'none',
    reason: [
      `No on-call provider (${asked}) knows who is on call (the catalog: no strata.dev/oncall-primary on the owner or its parents)`,
      ...failures,
    ].join('; '),
  };
}
