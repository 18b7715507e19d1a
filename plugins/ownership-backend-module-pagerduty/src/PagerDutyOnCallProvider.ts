/*
 * On-call from PagerDuty: the escalation policy named by the entity's `pagerduty.com/escalation-policy-id`
 * (or the policy of its `pagerduty.com/service-id`), else by the owner's or a parent group's
 * `pagerduty.com/escalation-policy-id`. Level 1 is the primary, level 2 the secondary; `until` is
 * the end of the primary's shift. Entities without any of these annotations are not PagerDuty's:
 * the next provider (the catalog's rotation) answers them.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_PAGERDUTY_ESCALATION_POLICY_ID,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
} from '@internal/plugin-ownership-common';
import type {
  OnCallAnswer,
  OnCallProvider,
  OnCallRequest,
} from '@internal/plugin-ownership-node';
import { PagerDutyClient, PagerDutyOnCall } from './PagerDutyClient';

const annotation = (entity: Entity, name: string) =>
  entity.metadata.annotations?.[name]?.trim() || undefined;

export class PagerDutyOnCallProvider implements OnCallProvider {
  readonly id = 'pagerduty';

  constructor(private readonly client: PagerDutyClient) {}

  async getOnCall(request: OnCallRequest): Promise<OnCallAnswer | undefined> {
    const policy = await this.policyFor(request);
    if (!policy) return undefined;
    const oncalls = await this.client.listOnCalls({
      escalationPolicyIds: [policy.id],
    });
    const level = (n: number) =>
      oncalls
        .filter(
          o => o.escalation_level === n && o.escalation_policy.id === policy.id,
        )
        .sort((a, b) => (a.end ?? '').localeCompare(b.end ?? ''))[0];
    const primary = level(1);
    if (!primary) {
      throw new Error(
        `PagerDuty escalation policy ${policy.id} (from ${policy.from}) has nobody on call at level 1`,
      );
    }
    const secondary = level(2);
    return {
      primary: person(primary),
      ...(secondary ? { secondary: person(secondary) } : {}),
      ...(primary.end ? { until: new Date(primary.end) } : {}),
      ...(primary.schedule?.summary
        ? { schedule: primary.schedule.summary }
        : {}),
      escalationPolicy: primary.escalation_policy.summary ?? policy.id,
      ...(policy.group ? { fromGroup: policy.group } : {}),
    };
  }

  /** The escalation policy to ask about, and where its id came from. */
  private async policyFor(
    request: OnCallRequest,
  ): Promise<{ id: string; from: string; group?: string } | undefined> {
    const ref = stringifyEntityRef(request.entity).toLocaleLowerCase('en-US');
    const own = annotation(
      request.entity,
      ANNOTATION_PAGERDUTY_ESCALATION_POLICY_ID,
    );
    if (own) return { id: own, from: ref };
    const serviceId = annotation(
      request.entity,
      ANNOTATION_PAGERDUTY_SERVICE_ID,
    );
    if (serviceId) {
      return {
        id: await this.client.serviceEscalationPolicyId(serviceId),
        from: `${ref}'s PagerDuty service ${serviceId}`,
      };
    }
    for (const group of request.chain) {
      const id = annotation(group, ANNOTATION_PAGERDUTY_ESCALATION_POLICY_ID);
      if (id) {
        const groupRef = stringifyEntityRef(group).toLocaleLowerCase('en-US');
        return { id, from: groupRef, group: groupRef };
      }
    }
    return undefined;
  }
}

/** `Ana Garcia <ana@example.com>` when PagerDuty included the user, else its summary or id. */
function person(oncall: PagerDutyOnCall): string {
  const name = oncall.user.summary ?? oncall.user.id;
  return oncall.user.email ? `${name} <${oncall.user.email}>` : name;
}
