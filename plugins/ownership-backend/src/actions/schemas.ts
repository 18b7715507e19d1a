/* Zod schemas of the actions' inputs and outputs, built with the zod the registry hands in. */
import type { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';

type Z = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

export const keyInput = (z: Z) =>
  z.object({
    entityRef: z.string().optional().describe('e.g. component:default/billing'),
    otelServiceName: z
      .string()
      .optional()
      .describe('an OpenTelemetry service.name'),
    k8sWorkload: z
      .string()
      .optional()
      .describe('cluster/namespace/name of a workload'),
    repository: z
      .string()
      .optional()
      .describe('a repository URL or owner/repo'),
    topic: z
      .string()
      .optional()
      .describe('a topic or queue name on the broker'),
    database: z.string().optional().describe('a database Resource name'),
  });

const contact = (z: Z) =>
  z.object({
    type: z.enum(['email', 'chat', 'link']),
    value: z.string(),
    title: z.string().optional(),
  });

const owner = (z: Z) =>
  z.object({
    ref: z.string(),
    title: z.string().optional(),
    contacts: z.array(contact(z)),
  });

export const ownerOutput = (z: Z) =>
  z.object({
    entityRef: z.string(),
    owner: owner(z),
    escalation: z.array(z.string()).describe('group refs from the owner up'),
  });

export const onCallOutput = (z: Z) =>
  z.object({
    entityRef: z.string(),
    owner: z.string(),
    onCall: z.object({
      source: z.string().describe('the provider that answered, or none'),
      primary: z.string().optional(),
      secondary: z.string().optional(),
      until: z.string().optional(),
      schedule: z.string().optional(),
      fromGroup: z.string().optional(),
      escalationPolicy: z.string().optional(),
      reason: z.string().optional(),
    }),
    escalation: z.array(z.string()),
  });

export const sloOutput = (z: Z) =>
  z.object({
    entityRef: z.string(),
    withinSlo: z.boolean().nullable().describe('null: no objective has data'),
    objectives: z.array(
      z.object({
        name: z.string(),
        kind: z.string(),
        target: z.number(),
        attainment: z.number().nullable(),
        errorBudgetRemaining: z.number().nullable(),
        alert: z.enum(['none', 'ticket', 'page']),
      }),
    ),
    reason: z.string().optional().describe('why there is no answer'),
  });

export const changesOutput = (z: Z) =>
  z.object({
    entityRef: z.string(),
    since: z.string(),
    rollouts: z.array(
      z.object({
        id: z.string(),
        environment: z.string(),
        startedAt: z.string(),
        version: z.string().optional(),
        commitSha: z.string().optional(),
        finishedAt: z.string().optional(),
        outcome: z.string().optional(),
      }),
    ),
    reason: z.string().optional(),
  });
