import {
  MAX_EVENTS_PER_REQUEST,
  unknownEntityProblems,
  validateEvents,
} from './validateEvents';
import { parseIsoTimestamp } from './timestamps';

const deployment = {
  kind: 'deployment',
  id: 'ci-4711',
  entityRef: 'component:default/billing',
  environment: 'production',
  version: '1.4.2',
  commitSha: 'abc123',
  commitTime: '2026-11-30T09:00:00Z',
  startedAt: '2026-11-30T10:00:00Z',
  finishedAt: '2026-11-30T10:05:00+00:00',
  outcome: 'succeeded',
};

const incident = {
  kind: 'incident',
  id: 'inc-17',
  entityRef: 'billing',
  environment: 'production',
  startedAt: '2026-11-30T11:00:00Z',
  restoredAt: '2026-11-30T11:45:00Z',
};

function problemsOf(body: unknown): string[] {
  const result = validateEvents(body);
  return result.ok ? [] : result.problems;
}

describe('validateEvents', () => {
  it('turns one event into a report, times in epoch ms, the ref normalised', () => {
    expect(validateEvents({ ...deployment, entityRef: 'Billing' })).toEqual({
      ok: true,
      events: [
        {
          path: 'event',
          kind: 'deployment',
          id: 'ci-4711',
          entityRef: 'component:default/billing',
          report: {
            kind: 'deployment',
            rollout: {
              id: 'ci-4711',
              entityRef: 'component:default/billing',
              environment: 'production',
              version: '1.4.2',
              commitSha: 'abc123',
              commitTime: Date.parse('2026-11-30T09:00:00Z'),
              startedAt: Date.parse('2026-11-30T10:00:00Z'),
              finishedAt: Date.parse('2026-11-30T10:05:00Z'),
              outcome: 'succeeded',
              source: 'api',
            },
          },
        },
      ],
    });
  });

  it('accepts an array of deployments and incidents, naming each by index', () => {
    const result = validateEvents([deployment, incident]);
    expect(
      result.ok && result.events.map(e => [e.path, e.kind, e.entityRef]),
    ).toEqual([
      ['events[0]', 'deployment', 'component:default/billing'],
      ['events[1]', 'incident', 'component:default/billing'],
    ]);
    expect(result.ok && result.events[1].report).toEqual({
      kind: 'incident',
      incident: {
        id: 'inc-17',
        entityRef: 'component:default/billing',
        environment: 'production',
        startedAt: Date.parse('2026-11-30T11:00:00Z'),
        restoredAt: Date.parse('2026-11-30T11:45:00Z'),
      },
    });
  });

  it('accepts a deployment that has only started', () => {
    const { finishedAt, outcome, ...started } = deployment;
    expect(problemsOf(started)).toEqual([]);
  });

  it('names the field and the array index of a bad timestamp', () => {
    expect(
      problemsOf([
        deployment,
        deployment,
        deployment,
        { ...deployment, startedAt: 'yesterday' },
      ]),
    ).toEqual([
      'events[3].startedAt: not an ISO 8601 timestamp with a time zone (e.g. 2026-11-30T10:00:00Z), got "yesterday"',
    ]);
  });

  it('refuses timestamps without a zone, impossible dates, and non-strings', () => {
    expect(
      problemsOf({ ...deployment, commitTime: '2026-11-30T09:00:00' }),
    ).toEqual([
      expect.stringMatching(/^event\.commitTime: not an ISO 8601 timestamp/),
    ]);
    expect(
      problemsOf({ ...incident, startedAt: '2026-02-30T10:00:00Z' }),
    ).toEqual([expect.stringMatching(/^event\.startedAt: not an ISO 8601/)]);
    expect(problemsOf({ ...incident, restoredAt: 1764500000000 })).toEqual([
      expect.stringMatching(
        /^event\.restoredAt: not an ISO 8601 .* got 1764500000000$/,
      ),
    ]);
  });

  it('refuses an unknown kind, and a body that is not an object', () => {
    expect(problemsOf({ ...deployment, kind: 'release' })).toEqual([
      `event.kind: must be 'deployment' or 'incident', got "release"`,
    ]);
    expect(problemsOf([deployment, 'ci-1'])).toEqual([
      'events[1]: must be an object, got "ci-1"',
    ]);
  });

  it('names every missing or invalid field', () => {
    expect(
      problemsOf([
        {
          kind: 'deployment',
          id: '',
          entityRef: 'component:default/',
          outcome: 'ok',
        },
      ]),
    ).toEqual([
      'events[0].id: must be a non-empty string, got ""',
      'events[0].environment: required',
      'events[0].entityRef: not an entity reference: "component:default/"',
      'events[0].startedAt: required',
      'events[0].outcome: must be one of succeeded, failed, rolled_back, got "ok"',
    ]);
  });

  it('refuses an unknown field, naming the allowed ones', () => {
    expect(
      problemsOf({ ...incident, finished_at: '2026-11-30T11:45:00Z' }),
    ).toEqual([
      'event.finished_at: unknown field (incident events have kind, id, entityRef, environment, startedAt, restoredAt)',
    ]);
  });

  it('refuses times in the wrong order', () => {
    expect(
      problemsOf({
        ...deployment,
        finishedAt: '2026-11-30T09:59:59Z',
        commitTime: undefined,
      }),
    ).toEqual(['event.finishedAt: before startedAt']);
    expect(
      problemsOf({ ...deployment, commitTime: '2026-11-30T10:06:00Z' }),
    ).toEqual([
      'event.commitTime: after finishedAt (the lead time would be negative)',
    ]);
    expect(
      problemsOf({ ...incident, restoredAt: '2026-11-30T10:00:00Z' }),
    ).toEqual(['event.restoredAt: before startedAt']);
  });

  it('wants an outcome and finishedAt together', () => {
    const { finishedAt, ...noEnd } = deployment;
    expect(problemsOf(noEnd)).toEqual([
      'event.finishedAt: required when outcome is set',
    ]);
    const { outcome, ...noOutcome } = deployment;
    expect(problemsOf(noOutcome)).toEqual([
      'event.outcome: required when finishedAt is set',
    ]);
  });

  it('bounds the batch: not empty, at most MAX_EVENTS_PER_REQUEST', () => {
    expect(problemsOf([])).toEqual(['events: the array is empty']);
    expect(
      problemsOf(
        Array.from({ length: MAX_EVENTS_PER_REQUEST + 1 }, () => deployment),
      ),
    ).toEqual([
      'events: at most 1000 per request, got 1001; send them in several requests',
    ]);
    expect(
      problemsOf(
        Array.from({ length: MAX_EVENTS_PER_REQUEST }, () => deployment),
      ),
    ).toEqual([]);
  });
});

describe('unknownEntityProblems', () => {
  it('names the events whose entity the catalog lacks', () => {
    const result = validateEvents([
      deployment,
      { ...incident, entityRef: 'nope' },
    ]);
    if (!result.ok) throw new Error(result.problems.join());
    expect(
      unknownEntityProblems(
        result.events,
        new Set(['component:default/billing']),
      ),
    ).toEqual([
      'events[1].entityRef: no entity component:default/nope in the catalog',
    ]);
  });
});

describe('parseIsoTimestamp', () => {
  it('reads zones and fractions, and refuses what is not a date-time', () => {
    expect(parseIsoTimestamp('2026-11-30T10:00:00.250+01:00')).toBe(
      Date.parse('2026-11-30T09:00:00.250Z'),
    );
    expect(parseIsoTimestamp('2026-11-30T10:00Z')).toBe(
      Date.parse('2026-11-30T10:00:00Z'),
    );
    expect(parseIsoTimestamp('2026-11-30')).toBeUndefined();
    expect(parseIsoTimestamp('2026-11-30T24:00:00Z')).toBeUndefined();
    expect(parseIsoTimestamp('Mon, 30 Nov 2026 10:00:00 GMT')).toBeUndefined();
  });
});
