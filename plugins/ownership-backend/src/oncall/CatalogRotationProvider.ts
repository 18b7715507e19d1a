/*
 * The default on-call provider: the rotation annotations on the owning team in the catalog
 * (strata.dev/oncall-primary, -secondary, -schedule, strata.dev/escalation), walking up the
 * parent chain when a team has none of its own (a department's rotation covers its teams).
 */
import {
  ANNOTATION_ESCALATION,
  ANNOTATION_ONCALL_PRIMARY,
  ANNOTATION_ONCALL_SECONDARY,
  ANNOTATION_ONCALL_SCHEDULE,
} from '@internal/plugin-ownership-common';
import type {
  OnCallAnswer,
  OnCallProvider,
  OnCallRequest,
} from '@internal/plugin-ownership-node';
import { stringifyEntityRef } from '@backstage/catalog-model';

export class CatalogRotationProvider implements OnCallProvider {
  readonly id = 'catalog';

  async getOnCall(request: OnCallRequest): Promise<OnCallAnswer | undefined> {
    for (const group of request.chain) {
      const annotations = group.metadata.annotations ?? {};
      const primary = annotations[ANNOTATION_ONCALL_PRIMARY]?.trim();
      if (!primary) continue;
      const secondary = annotations[ANNOTATION_ONCALL_SECONDARY]?.trim();
      const schedule = annotations[ANNOTATION_ONCALL_SCHEDULE]?.trim();
      const escalation = annotations[ANNOTATION_ESCALATION]?.trim();
      return {
        primary,
        ...(secondary ? { secondary } : {}),
        ...(schedule ? { schedule } : {}),
        ...(escalation ? { escalationPolicy: escalation } : {}),
        fromGroup: stringifyEntityRef(group).toLocaleLowerCase('en-US'),
      };
    }
    return undefined;
  }
}
