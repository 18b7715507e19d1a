import {
  ANNOTATION_OTEL_SERVICE_NAME,
  ANNOTATION_SLO_FILE,
} from '@internal/plugin-service-model-common';
import { ANNOTATION_ONCALL_PRIMARY } from '@internal/plugin-ownership-common';
import type { CheckDefinition, LevelDefinition } from './types';

const SERVICES = { kind: 'component', type: 'service' };
const DATABASES = { kind: 'resource', type: 'database' };

/**
 * The checks used when `governance.checks` is absent: the service model's recommended fields
 * (docs/catalog-model.md), ownership, operability and the architecture rules.
 */
export const DEFAULT_CHECKS: CheckDefinition[] = [
  {
    id: 'has-owner',
    title: 'Owner exists',
    description: 'spec.owner names a group or user that exists in the catalog.',
    rationale:
      'Alerts, findings and questions about the entity need a team to go to; an owner that is not in the catalog is nobody.',
    fix: 'Set spec.owner to an existing group, e.g. `owner: group:default/platform`.',
    appliesTo: { kind: ['component', 'resource', 'api', 'system'] },
    condition: { fact: 'ownerExists', op: 'eq', value: true },
  },
  {
    id: 'has-tier',
    title: 'Tier declared',
    description: 'The service declares spec.tier (1, 2 or 3).',
    rationale:
      'Paging urgency, SLO targets and scorecard thresholds depend on the tier.',
    fix: 'Add `tier: <1|2|3>` under spec in catalog-info.yaml.',
    appliesTo: SERVICES,
    condition: { fact: 'recommendations', op: 'excludes', value: 'service-tier' },
  },
  {
    id: 'database-has-engine',
    title: 'Database engine declared',
    description: 'The database declares spec.engine.',
    rationale:
      'On-call needs to know which runbooks, dashboards and DBAs apply; governance keeps an engine inventory for support and upgrades.',
    fix: 'Add `engine: postgresql` (or mysql, mariadb, elasticsearch, opensearch, redis, mongodb) under spec.',
    appliesTo: DATABASES,
    condition: {
      fact: 'recommendations',
      op: 'excludes',
      value: 'database-engine',
    },
  },
  {
    id: 'database-declares-personal-data',
    title: 'Personal data declared',
    description: 'The database says whether it stores personal data (spec.personalData).',
    rationale:
      'GDPR erasure applies to personal data: the personal-data rule can only check what is declared.',
    fix: 'Add `personalData: true` or `personalData: false` under spec.',
    appliesTo: DATABASES,
    condition: {
      fact: 'recommendations',
      op: 'excludes',
      value: 'database-personal-data',
    },
  },
  {
    id: 'has-runbook',
    title: 'Runbook linked',
    description: 'A link titled or addressed as a runbook is in metadata.links.',
    rationale: 'At 3 a.m. the on-call engineer needs the steps, not the code.',
    fix: 'Add a link under metadata.links: `- url: https://…/runbook` with `title: Runbook`.',
    appliesTo: SERVICES,
    condition: {
      any: [
        { fact: 'metadata.links[*].title', op: 'matches', value: 'runbook' },
        { fact: 'metadata.links[*].url', op: 'matches', value: 'runbook' },
      ],
    },
  },
  {
    id: 'has-on-call',
    title: 'On-call rotation',
    description: `The owning team, or a group above it, names an on-call primary (${ANNOTATION_ONCALL_PRIMARY}).`,
    rationale: 'An alert on the service must reach a person.',
    fix: `Add \`${ANNOTATION_ONCALL_PRIMARY}\` (and -secondary, -schedule) to the owning group’s annotations.`,
    appliesTo: SERVICES,
    condition: { fact: 'onCall', op: 'exists' },
  },
  {
    id: 'has-slo',
    title: 'SLO defined',
    description: `The service names its OpenSLO file (${ANNOTATION_SLO_FILE}).`,
    rationale:
      'Without an objective nobody knows when the service fails its users or when to page.',
    fix: `Add an OpenSLO file and \`${ANNOTATION_SLO_FILE}: slo.yaml\` to metadata.annotations.`,
    appliesTo: SERVICES,
    condition: {
      fact: `metadata.annotations["${ANNOTATION_SLO_FILE}"]`,
      op: 'exists',
    },
  },
  {
    id: 'emits-traces',
    title: 'Emits traces',
    description: 'Telemetry received spans from the service in the window.',
    rationale:
      'Traces are how a failure is followed across services; a silent service is a blind spot.',
    fix: `Instrument the service with OpenTelemetry and set \`${ANNOTATION_OTEL_SERVICE_NAME}\` to its service.name.`,
    appliesTo: { ...SERVICES, lifecycle: 'production' },
    condition: { fact: 'hasTraces', op: 'eq', value: true },
  },
  {
    id: 'no-architecture-errors',
    title: 'No architecture errors',
    description:
      'No shared database, synchronous cycle or personal data without erasure involves the service.',
    rationale:
      'These break the rules of the product brief; they are what the platform team asks teams to fix first.',
    fix: 'Fix the findings the Governance page lists for the service.',
    appliesTo: SERVICES,
    condition: {
      noFindings: [
        'shared-database',
        'sync-cycle',
        'personal-data-without-erasure',
      ],
    },
  },
  {
    id: 'multiple-replicas',
    title: 'Runs at least 2 replicas',
    description: 'Every production workload of the service runs 2 or more replicas.',
    rationale: 'A single replica makes each rollout, node drain or crash an outage.',
    fix: 'Set `spec.replicas: 2` or more (or an HPA with `minReplicas: 2`).',
    appliesTo: { ...SERVICES, lifecycle: 'production' },
    condition: { fact: 'replicas', op: 'gte', value: 2 },
  },
];

/** The levels used when `governance.levels` is absent. */
export const DEFAULT_LEVELS: LevelDefinition[] = [
  {
    id: 'bronze',
    title: 'Bronze',
    checks: [
      'has-owner',
      'has-tier',
      'database-has-engine',
      'database-declares-personal-data',
    ],
  },
  {
    id: 'silver',
    title: 'Silver',
    checks: ['has-runbook', 'has-on-call', 'has-slo'],
  },
  {
    id: 'gold',
    title: 'Gold',
    checks: ['emits-traces', 'no-architecture-errors', 'multiple-replicas'],
  },
];
