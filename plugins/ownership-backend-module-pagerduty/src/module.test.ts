import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The module is tested in the backend it extends (a test-only dependency).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import ownershipPlugin from '@internal/plugin-ownership-backend';
import request from 'supertest';
import { FakePagerDuty } from './__testUtils__/FakePagerDuty';
import { ownershipModulePagerDuty } from './module';

jest.setTimeout(60_000);

const TOKEN = 'u+fake-key';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'platform',
      namespace: 'default',
      annotations: {
        'pagerduty.com/escalation-policy-id': 'PPLAT01',
        'strata.dev/oncall-primary': 'user:default/ana-garcia',
      },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'api-gateway', namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
  },
];

describe('the PagerDuty module in a backend with the ownership plugin', () => {
  const fake = new FakePagerDuty({
    token: TOKEN,
    oncalls: [
      {
        policy: { id: 'PPLAT01', summary: 'Platform escalation' },
        level: 1,
        user: { id: 'PANA', name: 'Ana Garcia', email: 'ana@dataflow.example' },
        end: '2026-12-07T08:00:00Z',
      },
    ],
  });
  let apiBaseUrl: string;
  beforeAll(async () => {
    apiBaseUrl = await fake.start();
  });
  afterAll(() => fake.stop());

  async function backend(pagerduty?: { apiBaseUrl: string; token: string }) {
    return startTestBackend({
      features: [
        ownershipPlugin,
        ownershipModulePagerDuty,
        catalogServiceMock.factory({ entities }),
        actionsRegistryServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { ownership: pagerduty ? { pagerduty } : {} },
        }),
      ],
    });
  }

  it('answers on-call from PagerDuty (source pagerduty)', async () => {
    const running = await backend({ apiBaseUrl, token: TOKEN });
    const server = running.server;
    try {
      const response = await request(server)
        .get(
          '/api/ownership/v1/lookup?entityRef=component:default/api-gateway&withHealth=false',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      expect(response.body.onCall).toEqual({
        source: 'pagerduty',
        primary: 'Ana Garcia <ana@dataflow.example>',
        until: '2026-12-07T08:00:00.000Z',
        escalationPolicy: 'Platform escalation',
        fromGroup: 'group:default/platform',
      });
    } finally {
      await running.stop();
    }
  });

  it('falls back to the catalog rotation, saying why, when PagerDuty refuses the key', async () => {
    const running = await backend({ apiBaseUrl, token: 'wrong' });
    const server = running.server;
    try {
      const response = await request(server)
        .get(
          '/api/ownership/v1/lookup?entityRef=component:default/api-gateway&withHealth=false',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      expect(response.body.onCall).toMatchObject({
        source: 'catalog',
        primary: 'user:default/ana-garcia',
        reason: expect.stringContaining(
          'pagerduty failed: PagerDuty refused the API key (401',
        ),
      });
    } finally {
      await running.stop();
    }
  });

  it('stays off without configuration: the catalog answers', async () => {
    const running = await backend();
    const server = running.server;
    try {
      const response = await request(server)
        .get(
          '/api/ownership/v1/lookup?entityRef=component:default/api-gateway&withHealth=false',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(response.body.onCall).toMatchObject({ source: 'catalog' });
      expect(response.body.onCall.reason).toBeUndefined();
    } finally {
      await running.stop();
    }
  });

  it('refuses a caller with an invalid token', async () => {
    const running = await backend();
    const server = running.server;
    try {
      const response = await request(server)
        .get('/api/ownership/v1/lookup?entityRef=component:default/api-gateway')
        .set('Authorization', mockCredentials.user.invalidHeader());
      expect(response.status).toBe(401);
    } finally {
      await running.stop();
    }
  });
});
