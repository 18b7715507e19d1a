import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { governanceRules } from '@internal/plugin-governance-common';
import { tryNormalizeRef } from '@internal/plugin-service-model-common';
import { GovernanceViews } from '../service/views';

/**
 * `governance:list-findings` for MCP clients: "what architecture findings does team Y have?".
 * Read-only; answers what `GET /v1/findings` answers, with the same filters.
 */
export function registerListFindingsAction(options: {
  actionsRegistry: ActionsRegistryService;
  views: GovernanceViews;
}) {
  const { actionsRegistry, views } = options;
  const ruleIds = Object.keys(governanceRules);
  actionsRegistry.register({
    name: 'list-findings',
    title: 'List architecture findings',
    description: `Lists the architecture findings of the latest governance evaluation (shared databases, deep synchronous call chains, cycles, topics without consumer or producer, personal data without erasure, declared vs observed dependencies, missing observability, Kubernetes basics), each with the entities involved, why it matters, how to fix it, and whether a waiver covers it.
Filter by owner (a team, e.g. group:default/billing or just billing), by an entity involved (e.g. component:default/billing), by rule (one of ${ruleIds.join(
      ', ',
    )}), or by namespace. Without filters it lists every finding.`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe('Owner team, e.g. group:default/billing or billing'),
          entityRef: z
            .string()
            .optional()
            .describe('An entity involved, e.g. component:default/billing'),
          rule: z
            .string()
            .optional()
            .describe(`One of ${ruleIds.join(', ')}`),
          namespace: z.string().optional(),
          includeWaived: z
            .boolean()
            .optional()
            .describe('Also list findings a waiver covers (default false)'),
        }),
      output: z =>
        z.object({
          evaluatedAt: z.string(),
          findings: z.array(
            z.object({
              rule: z.string(),
              key: z.string(),
              severity: z.string(),
              entityRefs: z.array(z.string()),
              owners: z.array(z.string()),
              message: z.string(),
              why: z.string(),
              fix: z.string(),
              waived: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input }) => {
      if (input.rule && !ruleIds.includes(input.rule)) {
        throw new InputError(
          `rule: unknown rule '${input.rule}'; the rules are ${ruleIds.join(
            ', ',
          )}`,
        );
      }
      const ref = (value: string | undefined, name: string, kind: string) => {
        if (!value) return undefined;
        const normalized = tryNormalizeRef(value, { defaultKind: kind });
        if (!normalized) {
          throw new InputError(`${name}: not an entity reference: '${value}'`);
        }
        return normalized.toLocaleLowerCase('en-US');
      };
      const { evaluation, items } = await views.findings({
        rule: input.rule,
        owner: ref(input.owner, 'owner', 'group'),
        entityRef: ref(input.entityRef, 'entityRef', 'component'),
        namespace: input.namespace?.toLocaleLowerCase('en-US'),
      });
      return {
        output: {
          evaluatedAt: new Date(evaluation.finishedAt).toISOString(),
          findings: items
            .filter(f => input.includeWaived || !f.waived)
            .map(f => ({
              rule: f.rule,
              key: f.key,
              severity: f.severity,
              entityRefs: f.entityRefs,
              owners: f.owners,
              message: f.message,
              why: f.why,
              fix: f.fix,
              waived: f.waived,
            })),
        },
      };
    },
  });
}
