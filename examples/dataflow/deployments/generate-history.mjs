#!/usr/bin/env node
/**
 * The demo organisation's deployment and incident history: 90 days of production events ending
 * now, as a CD system and an incident tool would post them to POST /api/deployments/v1/events.
 *
 * Deterministic: each (day, service) has its own seed, and ids are `demo-<day>-<service>-<n>`
 * (incidents `…-inc<n>`), so a later run regenerates exactly the same events for the days it
 * shares with an earlier one. Events that would end after `now` are left out (they appear, the
 * same, in a later run); an incident not yet restored at `now` is posted without restoredAt.
 *
 *   node generate-history.mjs [--now 2026-11-30T12:00:00Z] [--days 90]   # prints the JSON array
 */
import { fileURLToPath } from 'node:url';
import { TEAM_PROFILES } from './profiles.mjs';
import { seededRandom } from './random.mjs';

const HOUR = 3600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

const iso = ms => new Date(ms).toISOString().replace('.000Z', 'Z');
const hex = (random, length) =>
  Array.from({ length }, () =>
    Math.floor(random.next() * 16).toString(16),
  ).join('');

function dayEvents({ day, team, service, profile }) {
  const random = seededRandom(`${day}|${service}`);
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const weekday = new Date(dayStart).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const count = random.poisson(
    weekend ? profile.deploysPerWeekendDay : profile.deploysPerWeekday,
  );
  // Deployments during working hours (08:00–18:00 UTC), in time order.
  const starts = Array.from(
    { length: count },
    () => dayStart + 8 * HOUR + Math.floor(random.next() * 10 * HOUR),
  ).sort((a, b) => a - b);

  const events = [];
  let incidents = 0;
  const openIncident = startedAt => {
    incidents++;
    const restoredAt =
      startedAt +
      Math.max(5 * MINUTE, random.around(profile.restoreHours) * HOUR);
    events.push({
      kind: 'incident',
      id: `demo-${day}-${service}-inc${incidents}`,
      entityRef: `component:default/${service}`,
      environment: 'production',
      startedAt: iso(startedAt),
      restoredAt: iso(Math.round(restoredAt / 1000) * 1000),
    });
  };

  starts.forEach((startedAt, index) => {
    const finishedAt =
      startedAt +
      Math.max(
        MINUTE,
        Math.round(random.around(profile.durationMinutes) * MINUTE),
      );
    const commitTime =
      startedAt -
      Math.max(
        5 * MINUTE,
        Math.round(random.around(profile.leadTimeHours) * HOUR),
      );
    const failed = random.next() < profile.failureRate;
    const outcome = failed
      ? random.next() < 0.5
        ? 'failed'
        : 'rolled_back'
      : 'succeeded';
    const seq = index + 1;
    events.push({
      kind: 'deployment',
      id: `demo-${day}-${service}-${seq}`,
      entityRef: `component:default/${service}`,
      environment: 'production',
      version: `${day.slice(2, 4)}.${Number(day.slice(5, 7))}.${Number(
        day.slice(8, 10),
      )}${seq > 1 ? `-${seq}` : ''}`,
      commitSha: hex(random, 40),
      commitTime: iso(Math.round(commitTime / 1000) * 1000),
      startedAt: iso(startedAt),
      finishedAt: iso(finishedAt),
      outcome,
    });
    if (failed && random.next() < profile.incidentPerFailure) {
      openIncident(finishedAt + MINUTE);
    }
  });
  if (random.next() < profile.backgroundIncidentsPerDay) {
    openIncident(dayStart + Math.floor(random.next() * 24 * 3600) * 1000);
  }
  return events.map(event => ({ team, ...event }));
}

/**
 * The events of the `days` days ending with `now`'s day, oldest first, each tagged with its
 * `team` (removed before posting: the API knows no such field).
 */
export function generateHistory({ now = Date.now(), days = 90 } = {}) {
  const today = Date.parse(
    `${new Date(now).toISOString().slice(0, 10)}T00:00:00Z`,
  );
  const events = [];
  for (let d = days - 1; d >= 0; d--) {
    const day = new Date(today - d * DAY).toISOString().slice(0, 10);
    for (const [team, profile] of Object.entries(TEAM_PROFILES)) {
      for (const service of profile.services) {
        events.push(...dayEvents({ day, team, service, profile }));
      }
    }
  }
  return events
    .filter(e => Date.parse(e.finishedAt ?? e.startedAt) <= now)
    .map(e => {
      if (e.restoredAt && Date.parse(e.restoredAt) > now) {
        const { restoredAt, ...open } = e;
        return open;
      }
      return e;
    })
    .sort(
      (a, b) =>
        a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id),
    );
}

/** The events as the API takes them. */
export function withoutTeam(events) {
  return events.map(({ team, ...event }) => event);
}

function argument(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const now = argument('now') ? Date.parse(argument('now')) : Date.now();
  const days = argument('days') ? Number(argument('days')) : 90;
  if (Number.isNaN(now) || !(days > 0)) {
    console.error(
      'usage: node generate-history.mjs [--now <ISO 8601>] [--days <n>]',
    );
    process.exit(2);
  }
  process.stdout.write(
    `${JSON.stringify(generateHistory({ now, days }), null, 1)}\n`,
  );
}
