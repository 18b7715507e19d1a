import { Entity } from '@backstage/catalog-model';
import http from 'node:http';
import { FakePagerDuty } from './__testUtils__/FakePagerDuty';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

const TOKEN = 'y_NbAkKc66ryYTWUXYEu';

function entity(
  kind: string,
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: {},
  };
}

const fake = new FakePagerDuty({
  token: TOKEN,
  services: { PSVC001: 'PPLAT01' },
  oncalls: [
    {
      policy: { id: 'PPLAT01', summary: 'Platform escalation' },
      level: 1,
      user: { id: 'PANA', name: 'Ana Garcia', email: 'ana@dataflow.example' },
      schedule: { id: 'PSCHED1', summary: 'Platform weekly' },
      start: '2026-11-30T08:00:00Z',
      end: '2026-12-07T08:00:00Z',
    },
    {
      policy: { id: 'PPLAT01', summary: 'Platform escalation' },
      level: 2,
      user: { id: 'PTOM', name: 'Tom Becker', email: 'tom@dataflow.example' },
      schedule: { id: 'PSCHED2', summary: 'Platform secondary' },
      start: '2026-11-30T08:00:00Z',
      end: '2026-12-07T08:00:00Z',
    },
    {
      policy: { id: 'PPLAT01', summary: 'Platform escalation' },
      level: 3,
      user: {
        id: 'PMIR',
        name: 'Miriam Okafor',
        email: 'miriam@dataflow.example',
      },
    },
    {
      policy: { id: 'PEMPTY', summary: 'Nobody home' },
      level: 2,
      user: { id: 'PX', name: 'X', email: 'x@dataflow.example' },
    },
  ],
});
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await fake.start();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.length = 0;
  fake.rateLimited = 0;
});

function provider(
  options: {
    token?: string;
    pageSize?: number;
    timeoutMs?: number;
    url?: string;
  } = {},
) {
  return new PagerDutyOnCallProvider(
    new PagerDutyClient(
      {
        apiBaseUrl: options.url ?? baseUrl,
        token: options.token ?? TOKEN,
        timeoutMs: options.timeoutMs ?? 2000,
      },
      { pageSize: options.pageSize },
    ),
  );
}

const platform = entity('Group', 'platform', {
  'pagerduty.com/escalation-policy-id': 'PPLAT01',
});

describe('PagerDutyOnCallProvider against a fake PagerDuty', () => {
  it("answers from the owner group's escalation policy, following pagination", async () => {
    const answer = await provider({ pageSize: 1 }).getOnCall({
      entity: entity('Component', 'api-gateway'),
      owner: platform,
      chain: [platform],
    });
    expect(answer).toEqual({
      primary: 'Ana Garcia <ana@dataflow.example>',
      secondary: 'Tom Becker <tom@dataflow.example>',
      until: new Date('2026-12-07T08:00:00Z'),
      schedule: 'Platform weekly',
      escalationPolicy: 'Platform escalation',
      fromGroup: 'group:default/platform',
    });
    // three entries for the policy, one per page: three requests
    expect(fake.requests.map(r => r.query.get('offset'))).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(fake.requests[0].authorization).toBe(`Token token=${TOKEN}`);
    expect(fake.requests[0].query.getAll('escalation_policy_ids[]')).toEqual([
      'PPLAT01',
    ]);
  });

  it("uses the entity's own service's escalation policy first", async () => {
    const answer = await provider().getOnCall({
      entity: entity('Component', 'billing', {
        'pagerduty.com/service-id': 'PSVC001',
      }),
      chain: [],
    });
    expect(answer?.primary).toBe('Ana Garcia <ana@dataflow.example>');
    expect(fake.requests.map(r => r.path)).toEqual([
      '/services/PSVC001',
      '/oncalls',
    ]);
  });

  it('knows nothing about entities without PagerDuty annotations (and asks nothing)', async () => {
    const answer = await provider().getOnCall({
      entity: entity('Component', 'reporting'),
      chain: [entity('Group', 'growth')],
    });
    expect(answer).toBeUndefined();
    expect(fake.requests).toEqual([]);
  });

  it('says so when nobody is on call at level 1', async () => {
    await expect(
      provider().getOnCall({
        entity: entity('Component', 'x', {
          'pagerduty.com/escalation-policy-id': 'PEMPTY',
        }),
        chain: [],
      }),
    ).rejects.toThrow(
      'PagerDuty escalation policy PEMPTY (from component:default/x) has nobody on call at level 1',
    );
  });

  it('explains a refused API key (401)', async () => {
    await expect(
      provider({ token: 'wrong' }).getOnCall({
        entity: platform,
        chain: [platform],
      }),
    ).rejects.toThrow(
      'PagerDuty refused the API key (401: Unauthorized (code 2006)) on GET /oncalls: check ownership.pagerduty.token',
    );
  });

  it('explains the rate limit (429) with the retry hint', async () => {
    fake.rateLimited = 1;
    await expect(
      provider().getOnCall({ entity: platform, chain: [platform] }),
    ).rejects.toThrow(
      "PagerDuty's rate limit was reached (429: Rate Limit Exceeded (code 2020)) on GET /oncalls; retry after 12 s",
    );
  });

  it('explains an unknown service (404)', async () => {
    await expect(
      provider().getOnCall({
        entity: entity('Component', 'y', {
          'pagerduty.com/service-id': 'PNOPE',
        }),
        chain: [],
      }),
    ).rejects.toThrow(
      'PagerDuty does not know it (404: Not Found (code 2100)) on GET /services/PNOPE',
    );
  });

  it('times out on a silent server', async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      await expect(
        provider({ url: `http://127.0.0.1:${port}`, timeoutMs: 100 }).getOnCall(
          {
            entity: platform,
            chain: [platform],
          },
        ),
      ).rejects.toThrow(
        'PagerDuty did not answer within 100 ms (GET /oncalls)',
      );
    } finally {
      silent.closeAllConnections();
      await new Promise(resolve => silent.close(resolve));
    }
  });
});
