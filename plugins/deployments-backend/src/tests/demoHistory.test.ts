/*
 * The demo history (examples/dataflow/deployments): deterministic, valid for the events API,
 * about the demo organisation's real services, and giving its teams clearly different DORA
 * bands; the loader posts it in batches with the machine token, idempotently.
 */
import { DoraReport } from '@internal/plugin-deployments-common';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildDoraReport } from '../dora/report';
import {
  HistoryReport,
  IncidentRecord,
  RolloutRecord,
} from '../history/records';
import { validateEvents } from '../history/validateEvents';

jest.setTimeout(60_000);

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../..');
const DEMO = path.join(ROOT, 'examples/dataflow/deployments');
const NOW = '2026-11-30T12:00:00Z';

type DemoEvent = {
  team: string;
  kind: string;
  id: string;
  entityRef: string;
} & Record<string, unknown>;

async function generate(now: string, days = 90): Promise<DemoEvent[]> {
  const { stdout } = await exec(
    process.execPath,
    [
      path.join(DEMO, 'generate-history.mjs'),
      '--now',
      now,
      '--days',
      String(days),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout);
}

/** name → owner of every service in the demo catalog. */
function catalogServices(): Map<string, string> {
  const dir = path.join(ROOT, 'examples/dataflow/services');
  return new Map(
    fs.readdirSync(dir).map(name => {
      const text = fs.readFileSync(
        path.join(dir, name, 'catalog-info.yaml'),
        'utf8',
      );
      const owner = /^\s+owner:\s*(\S+)/m.exec(text)![1];
      return [/^\s+name:\s*(\S+)/m.exec(text)![1], owner];
    }),
  );
}

function toReports(events: DemoEvent[]): HistoryReport[] {
  const reports: HistoryReport[] = [];
  for (let i = 0; i < events.length; i += 1000) {
    const batch = events.slice(i, i + 1000).map(({ team, ...event }) => event);
    const result = validateEvents(batch);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    reports.push(...result.events.map(e => e.report));
  }
  return reports;
}

describe('demo history', () => {
  let events: DemoEvent[];
  beforeAll(async () => {
    events = await generate(NOW);
  });

  it('is the same on every run, and a later run repeats the shared days exactly', async () => {
    expect(await generate(NOW)).toEqual(events);
    const nextDay = await generate('2026-12-01T12:00:00Z');
    const byId = new Map(nextDay.map(e => [e.id, e]));
    // Every event of the 89 shared days comes back unchanged (only the oldest day drops out).
    const shared = events.filter(e => !e.id.startsWith('demo-2026-09-02-'));
    expect(shared.length).toBeGreaterThan(800);
    for (const event of shared) {
      if (event.kind === 'incident' && !event.restoredAt) continue; // restored later
      expect(byId.get(event.id)).toEqual(event);
    }
  });

  it('is valid for the events API, ids unique, all before now', () => {
    const reports = toReports(events);
    expect(reports).toHaveLength(events.length);
    expect(new Set(events.map(e => `${e.kind}:${e.id}`)).size).toBe(
      events.length,
    );
    for (const e of events) {
      expect(
        Date.parse(String(e.finishedAt ?? e.restoredAt ?? e.startedAt)),
      ).toBeLessThanOrEqual(Date.parse(NOW));
    }
    expect(events[0].startedAt).toMatch(/^2026-09-0[12]T/);
  });

  it("covers the demo catalog's services, each attributed to its owning team", () => {
    const services = catalogServices();
    const seen = new Map(events.map(e => [e.entityRef, e.team]));
    expect([...seen.keys()].sort()).toEqual(
      [...services.keys()].map(name => `component:default/${name}`).sort(),
    );
    for (const [ref, team] of seen) {
      expect(services.get(ref.replace('component:default/', ''))).toBe(
        `group:default/${team}`,
      );
    }
  });

  it('gives the teams clearly different DORA bands over 90 days', () => {
    const reports = toReports(events);
    const teamOf = new Map(events.map(e => [e.entityRef, e.team]));
    const byTeam = new Map<string, DoraReport>();
    for (const team of new Set(events.map(e => e.team))) {
      const rollouts: RolloutRecord[] = [];
      const incidents: IncidentRecord[] = [];
      for (const report of reports) {
        if (
          report.kind === 'deployment' &&
          teamOf.get(report.rollout.entityRef) === team
        ) {
          const { source, ...rollout } = report.rollout;
          rollouts.push({ ...rollout, sources: [source] });
        }
        if (
          report.kind === 'incident' &&
          teamOf.get(report.incident.entityRef) === team
        ) {
          incidents.push(report.incident);
        }
      }
      byTeam.set(
        team,
        buildDoraReport({
          scope: { owner: `group:default/${team}`, services: [] },
          window: '90d',
          environment: 'production',
          now: Date.parse(NOW),
          rollouts,
          incidents,
        }),
      );
    }
    const bands = Object.fromEntries(
      [...byTeam].map(([team, r]) => [team, r.bands]),
    );
    expect(bands.platform).toEqual({
      deploymentFrequency: 'elite',
      leadTime: 'elite',
      changeFailureRate: 'elite',
      timeToRestore: 'elite',
    });
    expect(bands.billing).toEqual({
      deploymentFrequency: 'medium',
      leadTime: 'low',
      changeFailureRate: 'low',
      timeToRestore: 'low',
    });
    expect(bands.identity.leadTime).toBe('medium');
    expect(bands.pipelines.leadTime).toBe('high');
    expect(byTeam.get('platform')!.deployments).toBeGreaterThan(500);
    expect(byTeam.get('billing')!.deployments).toBeLessThan(20);
  });
});

describe('load-history.mjs', () => {
  it('posts the history in batches with the machine token, and a second run changes nothing', async () => {
    const seen = new Set<string>();
    const requests: Array<{ auth?: string; count: number }> = [];
    let failFirst = true;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        if (failFirst) {
          // The portal is still starting: the loader waits and retries.
          failFirst = false;
          res.writeHead(503).end();
          return;
        }
        const batch = JSON.parse(body) as Array<{
          kind: string;
          id: string;
          team?: string;
        }>;
        requests.push({ auth: req.headers.authorization, count: batch.length });
        expect(req.url).toBe('/api/deployments/v1/events');
        expect(batch.every(e => e.team === undefined)).toBe(true);
        const accepted = batch.map(e => {
          const key = `${e.kind}:${e.id}`;
          const result = seen.has(key) ? 'unchanged' : 'created';
          seen.add(key);
          return { kind: e.kind, id: e.id, result };
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ accepted }));
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const run = () =>
      exec(process.execPath, [path.join(DEMO, 'load-history.mjs'), base], {
        env: {
          ...process.env,
          STRATA_MACHINE_TOKEN: 'machine-token',
          LOAD_HISTORY_RETRY_DELAY_MS: '10',
        },
      });
    try {
      const first = await run();
      expect(first.stdout).toMatch(
        /^Loading \d+ demo deployment and incident events/,
      );
      expect(first.stdout).toMatch(
        /Done: (\d+) events — \1 created, 0 updated, 0 unchanged/,
      );
      expect(first.stdout).toMatch(/platform: \d+ deployments, \d+ incidents/);
      const second = await run();
      expect(second.stdout).toMatch(
        /Done: (\d+) events — 0 created, 0 updated, \1 unchanged/,
      );
      expect(requests.every(r => r.auth === 'Bearer machine-token')).toBe(true);
      expect(Math.max(...requests.map(r => r.count))).toBeLessThanOrEqual(500);
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });

  it('says how to call it without a token, and fails on a refusal with the portal’s message', async () => {
    const usage = await exec(
      process.execPath,
      [path.join(DEMO, 'load-history.mjs')],
      {
        env: { ...process.env, STRATA_MACHINE_TOKEN: '' },
      },
    ).catch(error => error);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /usage: STRATA_MACHINE_TOKEN=<token> node load-history.mjs/,
    );

    const server = http.createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { name: 'NotAllowedError', message: 'nope' } }),
      );
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const refused = await exec(
        process.execPath,
        [
          path.join(DEMO, 'load-history.mjs'),
          `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        ],
        { env: { ...process.env, STRATA_MACHINE_TOKEN: 't' } },
      ).catch(error => error);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/answered 403: nope/);
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });
});
