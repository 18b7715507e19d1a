#!/usr/bin/env node
/**
 * Loads the demo organisation's 90-day deployment and incident history into a running portal
 * through the real events API — the same requests a CD system sends:
 *
 *   STRATA_MACHINE_TOKEN=$(./strata token) node examples/dataflow/deployments/load-history.mjs http://localhost:7007
 *
 * Idempotent: ids are derived from day + service + sequence (generate-history.mjs), so a second
 * run the same day answers `unchanged` for every event, and a run on a later day adds only the
 * new days. Waits (bounded) for the portal to answer and for the catalog to know the demo
 * services, since `./strata start` may call it while the catalog is still ingesting.
 * Exit code: 0 when every event was accepted, 1 otherwise (the portal's message is printed).
 */
import { generateHistory, withoutTeam } from './generate-history.mjs';

const BATCH_SIZE = 500;
const ATTEMPTS = Number(process.env.LOAD_HISTORY_ATTEMPTS ?? 30);
const RETRY_DELAY_MS = Number(process.env.LOAD_HISTORY_RETRY_DELAY_MS ?? 2000);

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Answers worth waiting out: the portal is starting, or the catalog has not read the demo yet. */
function isTransient(status, message) {
  return (
    status === 502 ||
    status === 503 ||
    status === 504 ||
    (status === 400 && /no entity .* in the catalog/.test(message))
  );
}

async function post(url, token, events) {
  let last = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let status;
    let body;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(events),
      });
      status = response.status;
      body = await response.json().catch(() => ({}));
    } catch (error) {
      last = `cannot reach ${url}: ${error.cause?.code ?? error.message}`;
      await sleep(RETRY_DELAY_MS);
      continue;
    }
    if (status === 200) return body;
    const message = body?.error?.message ?? `HTTP ${status}`;
    if (!isTransient(status, message)) {
      throw new Error(`${url} answered ${status}: ${message}`);
    }
    last = `${status}: ${message}`;
    await sleep(RETRY_DELAY_MS);
  }
  throw new Error(`gave up after ${ATTEMPTS} attempts; last answer ${last}`);
}

async function main() {
  const [baseUrl] = process.argv.slice(2);
  const token = process.env.STRATA_MACHINE_TOKEN;
  if (!baseUrl || !token) {
    console.error(
      'usage: STRATA_MACHINE_TOKEN=<token> node load-history.mjs <portalBaseUrl>  (e.g. http://localhost:7007)',
    );
    return 2;
  }
  const url = `${baseUrl.replace(/\/+$/, '')}/api/deployments/v1/events`;
  const events = generateHistory();
  const payload = withoutTeam(events);
  const totals = { created: 0, updated: 0, unchanged: 0 };
  const batches = Math.ceil(payload.length / BATCH_SIZE);
  console.log(
    `Loading ${payload.length} demo deployment and incident events (90 days) into ${url} in ${batches} batches`,
  );
  for (let i = 0; i < batches; i++) {
    const batch = payload.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE);
    const { accepted } = await post(url, token, batch);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const { result } of accepted) counts[result]++;
    for (const key of Object.keys(totals)) totals[key] += counts[key];
    console.log(
      `  batch ${i + 1}/${batches}: ${batch.length} events — ${
        counts.created
      } created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    );
  }
  const teams = {};
  for (const event of events) {
    teams[event.team] ??= { deployments: 0, incidents: 0 };
    teams[event.team][
      event.kind === 'deployment' ? 'deployments' : 'incidents'
    ]++;
  }
  console.log(
    `Done: ${payload.length} events — ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged`,
  );
  for (const [team, counts] of Object.entries(teams)) {
    console.log(
      `  ${team}: ${counts.deployments} deployments, ${counts.incidents} incidents`,
    );
  }
  return 0;
}

main().then(
  code => {
    process.exitCode = code;
  },
  error => {
    console.error(`load-history: ${error.message}`);
    process.exitCode = 1;
  },
);
