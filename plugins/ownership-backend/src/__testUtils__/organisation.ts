/*
 * A small organisation as the catalog serves it (relations included, as the catalog computes
 * them), shaped like the DataFlow demo: dataflow → engineering → platform, billing, growth; growth
 * has no rotation of its own (engineering's covers it); a second namespace `acme` holds a
 * Component named like one in `default`.
 */
import { Entity } from '@backstage/catalog-model';

export function group(
  name: string,
  options: {
    parent?: string;
    annotations?: Record<string, string>;
    email?: string;
    links?: Array<{ url: string; title?: string; icon?: string }>;
    namespace?: string;
  } = {},
): Entity {
  const namespace = options.namespace ?? 'default';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace,
      title: name[0].toUpperCase() + name.slice(1),
      annotations: options.annotations ?? {},
      links: options.links ?? [],
    },
    spec: {
      type: 'team',
      ...(options.parent ? { parent: options.parent } : {}),
      profile: {
        displayName: `${name[0].toUpperCase()}${name.slice(1)} Team`,
        ...(options.email ? { email: options.email } : {}),
      },
      children: [],
    },
    relations: options.parent
      ? [{ type: 'childOf', targetRef: `group:${namespace}/${options.parent}` }]
      : [],
  };
}

export function component(
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace, title: name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: [{ type: 'ownedBy', targetRef: `group:${namespace}/${owner}` }],
  };
}

function resource(
  name: string,
  owner: string,
  spec: Record<string, unknown>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default' },
    spec: { owner, ...spec },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

const rotation = (primary: string, secondary: string) => ({
  'strata.dev/oncall-primary': `user:default/${primary}`,
  'strata.dev/oncall-secondary': `user:default/${secondary}`,
  'strata.dev/oncall-schedule': 'weekly, Monday 09:00 Europe/Berlin',
  'strata.dev/escalation': 'primary 5m → secondary 15m → engineering lead',
});

export const ORGANISATION: Entity[] = [
  group('dataflow', { email: 'hello@dataflow.example' }),
  group('engineering', {
    parent: 'dataflow',
    annotations: rotation('miriam-okafor', 'ana-garcia'),
  }),
  group('platform', {
    parent: 'engineering',
    annotations: rotation('ana-garcia', 'tom-becker'),
    email: 'platform@dataflow.example',
    links: [
      {
        url: 'https://dataflow.slack.com/archives/C0PLATFORM',
        title: '#platform',
        icon: 'chat',
      },
      {
        url: 'https://oncall.dataflow.example/teams/platform',
        title: 'On-call rotation',
      },
    ],
  }),
  group('billing', {
    parent: 'engineering',
    annotations: rotation('sofia-rossi', 'david-kim'),
    email: 'billing@dataflow.example',
  }),
  group('growth', { parent: 'engineering', email: 'growth@dataflow.example' }),
  group('loners', { namespace: 'acme' }),
  component('api-gateway', 'platform', {
    'strata.dev/otel-service-name': 'api-gateway',
    'backstage.io/kubernetes-id': 'api-gateway',
    'backstage.io/source-location':
      'url:https://github.com/dataflow-systems/api-gateway/tree/main/',
    'github.com/project-slug': 'dataflow-systems/api-gateway',
  }),
  component('billing', 'billing', {
    'strata.dev/otel-service-name': 'billing-svc',
    'backstage.io/kubernetes-id': 'billing-api',
    'backstage.io/kubernetes-namespace': 'payments',
    'backstage.io/managed-by-location':
      'url:https://github.com/dataflow-systems/billing/blob/main/catalog-info.yaml',
  }),
  component('reporting', 'growth'),
  component('search', 'platform'),
  component('search', 'loners', {}, 'acme'),
  resource('pipeline-run-created', 'platform', {
    type: 'kafka-topic',
    topic: 'pipeline.run.created',
  }),
  resource('legacy-db', 'billing', { type: 'database' }),
];
