import type {
  CheckList,
  FindingItem,
  FindingList,
  HistoryAnswer,
  RollupList,
  ScorecardList,
  WaiverItem,
} from '../api';

/*
 * Answers of the governance backend in the shapes of its spec, with the demo organisation's
 * names: the shared legacy database, billing's scorecard, the identity and billing teams.
 */

export const evaluation = { id: 7, finishedAt: '2026-12-02T07:40:00Z' };

export const checks: CheckList = {
  items: [
    {
      id: 'has-owner',
      title: 'Owner exists',
      description: 'spec.owner names a group in the catalog',
      rationale: 'Someone must answer for it',
      fix: 'Set spec.owner to a group that exists.',
      appliesTo: { kind: 'component' },
      condition: { fact: 'ownerExists', op: 'truthy' },
    },
    {
      id: 'has-slo',
      title: 'SLO defined',
      description: 'strata.dev/slo-file is set',
      rationale: 'Reliability needs a target',
      fix: 'Add an OpenSLO file and name it in strata.dev/slo-file.',
      appliesTo: { kind: 'component', type: 'service' },
      condition: {
        fact: 'metadata.annotations["strata.dev/slo-file"]',
        op: 'exists',
      },
    },
    {
      id: 'has-runbook',
      title: 'Runbook linked',
      description: 'a link titled Runbook',
      rationale: 'On-call needs steps',
      fix: 'Add a link titled Runbook under metadata.links.',
      appliesTo: { kind: 'component' },
      condition: {
        fact: 'metadata.links[*].title',
        op: 'matches',
        value: 'runbook',
      },
    },
    {
      id: 'emits-traces',
      title: 'Emits traces',
      description: 'spans in the last day',
      rationale: 'Observability is a launch prerequisite',
      fix: 'Instrument with OpenTelemetry.',
      appliesTo: { kind: 'component', type: 'service' },
      condition: { fact: 'hasTraces', op: 'truthy' },
    },
  ],
  levels: [
    { id: 'bronze', title: 'Bronze', checks: ['has-owner'] },
    { id: 'silver', title: 'Silver', checks: ['has-slo'] },
    { id: 'gold', title: 'Gold', checks: ['has-runbook', 'emits-traces'] },
  ],
};

export const sharedDatabase: FindingItem = {
  rule: 'shared-database',
  key: 'shared-database:resource:default/legacy-db',
  severity: 'error',
  entityRefs: [
    'resource:default/legacy-db',
    'component:default/user-management',
    'component:default/billing',
    'component:default/admin',
  ],
  owners: ['group:default/billing', 'group:default/identity'],
  systems: ['system:default/billing', 'system:default/identity'],
  namespaces: ['default'],
  message:
    'legacy-db is used by 3 services: admin, billing and user-management',
  why: 'A database used by more than one service couples their schemas.',
  fix: 'Give legacy-db to one service and let the others call its API.',
  waived: false,
};

export const topicWithoutConsumer: FindingItem = {
  rule: 'topic-without-consumer',
  key: 'topic-without-consumer:resource:default/connector-tested',
  severity: 'info',
  entityRefs: [
    'resource:default/connector-tested',
    'component:default/connector-service',
  ],
  owners: ['group:default/connectors'],
  systems: ['system:default/connectors'],
  namespaces: ['default'],
  message:
    'connector.tested is produced by connector-service but nobody consumes it',
  why: 'Events nobody reads cost broker capacity.',
  fix: 'Declare the consumer or stop producing connector.tested.',
  waived: true,
  waiver: {
    id: 'w-1',
    findingKey: 'topic-without-consumer:resource:default/connector-tested',
    reason: 'The audit consumer lands next sprint',
    approver: 'user:default/ana-garcia',
    createdAt: '2026-11-20T10:00:00Z',
    expiresAt: '2027-01-31T23:59:59Z',
    expired: false,
  },
};

export const findings: FindingList = {
  evaluation,
  items: [sharedDatabase, topicWithoutConsumer],
};

export const orgRollup: RollupList = {
  evaluation,
  by: 'organisation',
  items: [
    {
      key: 'organisation',
      entities: 12,
      levels: { gold: 1, silver: 4, bronze: 5, none: 2 },
      checksPassed: 30,
      checksTotal: 48,
      passRate: 0.625,
      openFindings: 5,
    },
  ],
};

export const ownerRollups: RollupList = {
  evaluation,
  by: 'owner',
  items: [
    {
      key: 'group:default/billing',
      entities: 2,
      levels: { silver: 1, bronze: 1 },
      checksPassed: 5,
      checksTotal: 8,
      passRate: 0.625,
      openFindings: 1,
    },
    {
      key: 'group:default/identity',
      entities: 2,
      levels: { gold: 1, none: 1 },
      checksPassed: 6,
      checksTotal: 8,
      passRate: 0.75,
      openFindings: 1,
    },
  ],
};

export const systemRollups: RollupList = {
  evaluation,
  by: 'system',
  items: [
    {
      key: 'system:default/billing',
      entities: 2,
      levels: { silver: 1, bronze: 1 },
      checksPassed: 5,
      checksTotal: 8,
      passRate: 0.625,
      openFindings: 1,
    },
  ],
};

export const billingScorecards: ScorecardList = {
  evaluation,
  items: [
    {
      entityRef: 'component:default/billing',
      level: 'silver',
      passed: 3,
      total: 4,
      failing: ['has-runbook'],
      next: { level: 'gold', failing: ['has-runbook'] },
      results: [
        {
          checkId: 'has-owner',
          passed: true,
          evidence: 'spec.owner = group:default/billing (exists)',
          waived: false,
        },
        {
          checkId: 'has-slo',
          passed: true,
          evidence: 'strata.dev/slo-file = slo.yaml',
          waived: false,
        },
        {
          checkId: 'has-runbook',
          passed: false,
          evidence: 'no link title matches "runbook" (links: Dashboard)',
          waived: false,
        },
        {
          checkId: 'emits-traces',
          passed: true,
          evidence: '1,204 spans in the last 24 h',
          waived: false,
        },
      ],
    },
    {
      entityRef: 'component:default/invoices',
      level: 'bronze',
      passed: 2,
      total: 4,
      failing: ['has-slo'],
      next: { level: 'silver', failing: ['has-slo'] },
      results: [],
    },
  ],
};

export const history: HistoryAnswer = {
  dimension: 'rule',
  from: '2026-11-30',
  to: '2026-12-02',
  series: [
    {
      name: 'shared-database',
      points: [
        { day: '2026-11-30', count: 1 },
        { day: '2026-12-01', count: 1 },
        { day: '2026-12-02', count: 1 },
      ],
    },
    {
      name: 'topic-without-consumer',
      points: [
        { day: '2026-11-30', count: 3 },
        { day: '2026-12-01', count: 2 },
        { day: '2026-12-02', count: 1 },
      ],
    },
  ],
};

export const waiver: WaiverItem = topicWithoutConsumer.waiver!;

export const checkWaiver: WaiverItem = {
  id: 'w-2',
  checkId: 'has-runbook',
  entityRef: 'component:default/admin',
  reason: 'Admin is being retired in Q1',
  approver: 'user:default/miriam-okafor',
  createdAt: '2026-10-01T08:00:00Z',
  expiresAt: '2026-11-01T23:59:59Z',
  expired: true,
};

/**
 * checkout, registered after evaluation 7: checked on demand from the catalog, the next
 * evaluation due in a minute (as the backend answers GET /v1/scorecards?entityRef=).
 */
export const checkoutOnDemand: ScorecardList = {
  evaluation,
  onDemand: {
    evaluatedAt: '2026-12-02T07:45:00.000Z',
    nextEvaluationBy: '2026-12-02T07:46:00.000Z',
    reason:
      'component:default/checkout is newer than the latest evaluation (7, finished 2026-12-02T07:40:00.000Z): its checks were evaluated now from the catalog; traces, replicas and architecture findings come with the next evaluation',
  },
  items: [
    {
      entityRef: 'component:default/checkout',
      level: 'bronze',
      passed: 2,
      total: 3,
      failing: ['has-runbook'],
      next: { level: 'silver', failing: ['has-runbook'] },
      results: [
        {
          checkId: 'has-owner',
          passed: true,
          evidence:
            'ownerExists = true (owner billing is in the catalog): meets eq true',
          waived: false,
        },
        {
          checkId: 'has-slo',
          passed: true,
          evidence:
            'metadata.annotations["strata.dev/slo-file"] = "slo.yaml": meets exists',
          waived: false,
        },
        {
          checkId: 'has-runbook',
          passed: false,
          evidence: 'metadata.links[*].title = absent: fails matches "runbook"',
          waived: false,
        },
        {
          checkId: 'emits-traces',
          passed: false,
          unknown: true,
          evidence:
            'unknown: not evaluated yet: comes with the next evaluation (hasTraces from telemetry)',
          waived: false,
        },
      ],
    },
  ],
};
