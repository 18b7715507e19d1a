import { Entity } from '@backstage/catalog-model';
import { LookupResult } from '../api';

/** billing of the demo organisation, as the catalog serves it. */
export const billing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'billing',
    namespace: 'default',
    links: [
      {
        url: 'https://github.com/dataflow-systems/billing',
        title: 'Repository',
      },
      { url: 'https://runbooks.dataflow.example/billing', title: 'Runbook' },
    ],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/billing',
  },
};

/** The lookup's answer for billing with the catalog rotation, telemetry and deployments present. */
export const billingLookup: LookupResult = {
  entityRef: 'component:default/billing',
  kind: 'Component',
  title: 'Billing',
  matchedBy: 'entityRef',
  owner: {
    ref: 'group:default/billing',
    title: 'Billing',
    contacts: [
      { type: 'email', value: 'billing@dataflow.example' },
      {
        type: 'chat',
        value: 'https://chat.dataflow.example/billing',
        title: '#billing',
      },
    ],
  },
  onCall: {
    primary: 'user:default/daniel-kowalski',
    secondary: 'user:default/hannah-mueller',
    source: 'catalog',
    schedule: 'weekly, Wednesday 09:00 Europe/Warsaw',
    fromGroup: 'group:default/billing',
  },
  escalation: [
    'group:default/billing',
    'group:default/engineering',
    'group:default/dataflow',
  ],
  slo: {
    withinSlo: false,
    objectives: [
      {
        name: 'availability',
        kind: 'availability',
        target: 0.999,
        attainment: 0.9981,
        errorBudgetRemaining: -0.9,
        alert: 'page',
      },
      {
        name: 'latency',
        kind: 'latency',
        target: 0.99,
        attainment: 0.995,
        errorBudgetRemaining: 0.5,
        alert: 'none',
      },
    ],
  },
  lastDeploy: {
    id: 'r-42',
    environment: 'production',
    version: '1.42.0',
    startedAt: '2026-12-02T07:12:00Z',
    outcome: 'succeeded',
  },
};
