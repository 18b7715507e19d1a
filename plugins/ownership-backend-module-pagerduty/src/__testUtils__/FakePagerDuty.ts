/*
 * A local fake of the slice of PagerDuty's REST API v2 the module calls, on 127.0.0.1 only, with
 * PagerDuty's response shapes: `GET /oncalls` (filters escalation_policy_ids[] / schedule_ids[],
 * limit/offset/more pagination, include[]=users) and `GET /services/{id}`, errors as
 * `{ error: { message, code } }` — 401 for a wrong key, 429 with Retry-After when told to, 404 for
 * an unknown service.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOnCall {
  policy: { id: string; summary: string };
  level: number;
  user: { id: string; name: string; email: string };
  schedule?: { id: string; summary: string };
  start?: string;
  end?: string;
}

export class FakePagerDuty {
  readonly requests: Array<{
    path: string;
    query: URLSearchParams;
    authorization?: string;
  }> = [];
  /** The next N requests answer 429. */
  rateLimited = 0;
  private server?: http.Server;

  constructor(
    private readonly data: {
      token: string;
      oncalls: FakeOnCall[];
      services?: Record<string, string>; // service id → escalation policy id
    },
  ) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop() {
    await new Promise(resolve => this.server?.close(resolve));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    });
    const send = (
      status: number,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Token token=${this.data.token}`) {
      send(401, { error: { message: 'Unauthorized', code: 2006 } });
      return;
    }
    if (this.rateLimited > 0) {
      this.rateLimited--;
      send(
        429,
        { error: { message: 'Rate Limit Exceeded', code: 2020 } },
        { 'retry-after': '12' },
      );
      return;
    }
    if (req.method === 'GET' && url.pathname === '/oncalls') {
      this.oncalls(url.searchParams, send);
      return;
    }
    const service = /^\/services\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && service) {
      const policy = this.data.services?.[decodeURIComponent(service[1])];
      if (!policy) {
        send(404, { error: { message: 'Not Found', code: 2100 } });
        return;
      }
      send(200, {
        service: {
          id: service[1],
          type: 'service',
          summary: 'a service',
          escalation_policy: {
            id: policy,
            type: 'escalation_policy_reference',
            summary: policy,
          },
        },
      });
      return;
    }
    send(404, { error: { message: 'Not Found', code: 2100 } });
  }

  private oncalls(
    query: URLSearchParams,
    send: (status: number, body: unknown) => void,
  ) {
    const policies = query.getAll('escalation_policy_ids[]');
    const schedules = query.getAll('schedule_ids[]');
    const limit = Number(query.get('limit') ?? 25);
    const offset = Number(query.get('offset') ?? 0);
    const withUsers = query.getAll('include[]').includes('users');
    const matching = this.data.oncalls.filter(
      o =>
        (policies.length === 0 || policies.includes(o.policy.id)) &&
        (schedules.length === 0 ||
          (o.schedule && schedules.includes(o.schedule.id))),
    );
    const page = matching.slice(offset, offset + limit).map(o => ({
      escalation_policy: {
        id: o.policy.id,
        type: 'escalation_policy_reference',
        summary: o.policy.summary,
        self: `https://api.pagerduty.com/escalation_policies/${o.policy.id}`,
        html_url: `https://acme.pagerduty.com/escalation_policies/${o.policy.id}`,
      },
      escalation_level: o.level,
      schedule: o.schedule
        ? {
            id: o.schedule.id,
            type: 'schedule_reference',
            summary: o.schedule.summary,
          }
        : null,
      user: withUsers
        ? {
            id: o.user.id,
            type: 'user',
            summary: o.user.name,
            name: o.user.name,
            email: o.user.email,
          }
        : { id: o.user.id, type: 'user_reference', summary: o.user.name },
      start: o.start ?? null,
      end: o.end ?? null,
    }));
    send(200, {
      oncalls: page,
      limit,
      offset,
      more: offset + limit < matching.length,
      total: null,
    });
  }
}
