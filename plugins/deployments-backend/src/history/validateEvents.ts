import {
  DeploymentOutcome,
  HistoryEvent,
} from '@internal/plugin-deployments-common';
import { tryNormalizeRef } from '@internal/plugin-service-model-common';
import { HistoryReport } from './records';
import { parseIsoTimestamp } from './timestamps';

/** The most events one request may carry; a CD backfill sends several requests. */
export const MAX_EVENTS_PER_REQUEST = 1000;

/** Longest accepted string per field (the columns' sizes, with room to spare). */
const MAX_LENGTH: Record<string, number> = {
  id: 255,
  entityRef: 255,
  environment: 100,
  version: 255,
  commitSha: 100,
};

const OUTCOMES: DeploymentOutcome[] = ['succeeded', 'failed', 'rolled_back'];

const FIELDS = {
  deployment: [
    'kind',
    'id',
    'entityRef',
    'environment',
    'version',
    'commitSha',
    'commitTime',
    'startedAt',
    'finishedAt',
    'outcome',
  ],
  incident: [
    'kind',
    'id',
    'entityRef',
    'environment',
    'startedAt',
    'restoredAt',
  ],
} as const;

/** An event that passed validation: `path` names it in messages (`events[3]`, or `event`). */
export interface ValidEvent {
  path: string;
  kind: HistoryEvent['kind'];
  id: string;
  /** Normalised and lower-cased (entity refs are case-insensitive). */
  entityRef: string;
  report: HistoryReport;
}

export type EventsValidation =
  | { ok: true; events: ValidEvent[] }
  | { ok: false; problems: string[] };

/**
 * Checks a `POST /v1/events` body — one event or an array of them — and turns it into the
 * reports the store records. Pure: whether the entities exist is checked afterwards
 * ({@link unknownEntityProblems}). Every problem names its field and, in an array, the index:
 * `events[3].startedAt: not an ISO 8601 timestamp with a time zone`.
 */
export function validateEvents(body: unknown): EventsValidation {
  const isArray = Array.isArray(body);
  const items: unknown[] = isArray ? (body as unknown[]) : [body];
  if (isArray && items.length === 0) {
    return { ok: false, problems: ['events: the array is empty'] };
  }
  if (items.length > MAX_EVENTS_PER_REQUEST) {
    return {
      ok: false,
      problems: [
        `events: at most ${MAX_EVENTS_PER_REQUEST} per request, got ${items.length}; send them in several requests`,
      ],
    };
  }
  const problems: string[] = [];
  const events: ValidEvent[] = [];
  items.forEach((item, index) => {
    const path = isArray ? `events[${index}]` : 'event';
    const result = validateOne(item, path);
    if (typeof result === 'object' && 'report' in result) events.push(result);
    else problems.push(...result);
  });
  return problems.length ? { ok: false, problems } : { ok: true, events };
}

/** Problems for events whose entity the catalog does not have. */
export function unknownEntityProblems(
  events: ValidEvent[],
  known: ReadonlySet<string>,
): string[] {
  return events
    .filter(event => !known.has(event.entityRef))
    .map(
      event =>
        `${event.path}.entityRef: no entity ${event.entityRef} in the catalog`,
    );
}

function validateOne(item: unknown, path: string): ValidEvent | string[] {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    return [`${path}: must be an object, got ${describe(item)}`];
  }
  const event = item as Record<string, unknown>;
  if (event.kind !== 'deployment' && event.kind !== 'incident') {
    return [
      `${path}.kind: must be 'deployment' or 'incident', got ${describe(
        event.kind,
      )}`,
    ];
  }
  const kind = event.kind;
  const problems: string[] = [];
  const problem = (field: string, message: string) =>
    problems.push(`${path}.${field}: ${message}`);

  const allowed: readonly string[] = FIELDS[kind];
  for (const field of Object.keys(event)) {
    if (!allowed.includes(field)) {
      problem(
        field,
        `unknown field (${kind} events have ${allowed.join(', ')})`,
      );
    }
  }

  const text = (field: string, required: boolean): string | undefined => {
    const value = event[field];
    if (value === undefined || value === null) {
      if (required) problem(field, 'required');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problem(field, `must be a non-empty string, got ${describe(value)}`);
      return undefined;
    }
    if (value.length > MAX_LENGTH[field]) {
      problem(field, `longer than ${MAX_LENGTH[field]} characters`);
      return undefined;
    }
    return value;
  };
  const time = (field: string, required: boolean): number | undefined => {
    const value = event[field];
    if (value === undefined || value === null) {
      if (required) problem(field, 'required');
      return undefined;
    }
    const millis =
      typeof value === 'string' ? parseIsoTimestamp(value) : undefined;
    if (millis === undefined) {
      problem(
        field,
        `not an ISO 8601 timestamp with a time zone (e.g. 2026-11-30T10:00:00Z), got ${describe(
          value,
        )}`,
      );
    }
    return millis;
  };

  const id = text('id', true);
  const rawRef = text('entityRef', true);
  const environment = text('environment', true);
  let entityRef: string | undefined;
  if (rawRef !== undefined) {
    entityRef = tryNormalizeRef(rawRef, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    })?.toLocaleLowerCase('en-US');
    if (!entityRef) {
      problem('entityRef', `not an entity reference: ${describe(rawRef)}`);
    }
  }
  const startedAt = time('startedAt', true);

  if (kind === 'incident') {
    const restoredAt = time('restoredAt', false);
    if (
      startedAt !== undefined &&
      restoredAt !== undefined &&
      restoredAt < startedAt
    ) {
      problem('restoredAt', 'before startedAt');
    }
    if (problems.length) return problems;
    return {
      path,
      kind,
      id: id!,
      entityRef: entityRef!,
      report: {
        kind,
        incident: {
          id: id!,
          entityRef: entityRef!,
          environment: environment!,
          startedAt: startedAt!,
          ...(restoredAt !== undefined ? { restoredAt } : {}),
        },
      },
    };
  }

  const version = text('version', false);
  const commitSha = text('commitSha', false);
  const commitTime = time('commitTime', false);
  const finishedAt = time('finishedAt', false);
  let outcome: DeploymentOutcome | undefined;
  if (event.outcome !== undefined && event.outcome !== null) {
    if (OUTCOMES.includes(event.outcome as DeploymentOutcome)) {
      outcome = event.outcome as DeploymentOutcome;
    } else {
      problem(
        'outcome',
        `must be one of ${OUTCOMES.join(', ')}, got ${describe(event.outcome)}`,
      );
    }
  }
  if (
    startedAt !== undefined &&
    finishedAt !== undefined &&
    finishedAt < startedAt
  ) {
    problem('finishedAt', 'before startedAt');
  }
  if (
    commitTime !== undefined &&
    finishedAt !== undefined &&
    commitTime > finishedAt
  ) {
    problem('commitTime', 'after finishedAt (the lead time would be negative)');
  }
  // DORA counts a deployment in the window it finished in, by its outcome: one without the
  // other could never be counted.
  const given = (field: string) =>
    event[field] !== undefined && event[field] !== null;
  if (outcome !== undefined && !given('finishedAt')) {
    problem('finishedAt', 'required when outcome is set');
  }
  if (given('finishedAt') && !given('outcome')) {
    problem('outcome', 'required when finishedAt is set');
  }
  if (problems.length) return problems;
  return {
    path,
    kind,
    id: id!,
    entityRef: entityRef!,
    report: {
      kind,
      rollout: {
        id: id!,
        entityRef: entityRef!,
        environment: environment!,
        startedAt: startedAt!,
        ...(version !== undefined ? { version } : {}),
        ...(commitSha !== undefined ? { commitSha } : {}),
        ...(commitTime !== undefined ? { commitTime } : {}),
        ...(finishedAt !== undefined ? { finishedAt } : {}),
        ...(outcome !== undefined ? { outcome } : {}),
        source: 'api',
      },
    },
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
