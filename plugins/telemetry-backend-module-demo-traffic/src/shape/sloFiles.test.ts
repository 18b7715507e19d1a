/*
 * The demo's SLO files (examples/dataflow/services/<name>/slo.yaml) against the demo traffic:
 * every file is valid and annotated, and traffic shaped like the first minute after start
 * gives the statuses the demo promises — pipeline-service's latency pages with its budget
 * spent, every other objective is quiet.
 */
import {
  evaluateSlo,
  parseOpenSloFile,
  planSloQueries,
  SloDefinition,
} from '@internal/plugin-telemetry-common';
import fs from 'node:fs';
import path from 'node:path';
import { DemoTrafficShape } from './DemoTrafficShape';
import { DEMO_SERVICES } from './scenario';
import { PlannedSpan } from './types';

const SERVICES_DIR = path.resolve(
  __dirname,
  '../../../../examples/dataflow/services',
);

function sloFileOf(service: string) {
  const file = path.join(SERVICES_DIR, service, 'slo.yaml');
  return parseOpenSloFile(fs.readFileSync(file, 'utf8'), { file });
}

/** The server and consumer spans of the demo's first minute at 4 requests a second. */
const firstMinute: PlannedSpan[] = (() => {
  const shape = new DemoTrafficShape();
  return Array.from({ length: 240 }, () => shape.nextFlow())
    .flatMap(flow => flow.spans)
    .filter(s => s.kind === 'server' || s.kind === 'consumer');
})();

/** How the embedded source counts them: total, and bad by the SLO's indicator. */
function counts(slo: SloDefinition) {
  const mine = firstMinute.filter(s => s.service === slo.indicator.serviceName);
  const failed = (s: PlannedSpan) =>
    s.error !== undefined ||
    Number(s.attributes['http.response.status_code']) >= 500;
  const bad =
    slo.indicator.kind === 'latency'
      ? mine.filter(
          s =>
            s.durationMs >
            (slo.indicator as { thresholdMs: number }).thresholdMs,
        )
      : mine.filter(failed);
  return { total: mine.length, bad: bad.length };
}

/** The status a minute after start: every window (5 m … 28 d) holds the same minute of traffic. */
function statusAfterOneMinute(slo: SloDefinition) {
  const now = new Date('2026-11-22T09:01:00Z');
  const plan = planSloQueries(slo, now);
  const minute = counts(slo);
  const burnWindows = Object.fromEntries(
    Object.keys(plan.burnWindows).map(w => [w, minute]),
  ) as Parameters<typeof evaluateSlo>[2]['burnWindows'];
  return evaluateSlo(
    slo,
    plan,
    { window: minute, burnWindows, series: [{ at: now, ...minute }] },
    'embedded',
  );
}

describe("the demo services' SLO files", () => {
  it.each(DEMO_SERVICES)(
    '%s has a valid slo.yaml, named by strata.dev/slo-file',
    service => {
      const catalogInfo = fs.readFileSync(
        path.join(SERVICES_DIR, service, 'catalog-info.yaml'),
        'utf8',
      );
      expect(catalogInfo).toMatch(/^\s+strata\.dev\/slo-file: slo\.yaml$/m);
      const file = sloFileOf(service);
      expect(file.problems).toEqual([]);
      expect(file.slos.map(s => s.kind)).toEqual(
        ['etl-workers', 'notification'].includes(service)
          ? ['availability']
          : ['availability', 'latency'],
      );
      for (const slo of file.slos) {
        expect(slo.indicator.serviceName).toBe(service);
        expect(slo.window).toMatchObject({ isRolling: true, duration: '28d' });
      }
    },
  );

  it("pages for pipeline-service's latency a minute after start, with its budget spent", () => {
    const latency = sloFileOf('pipeline-service').slos.find(
      s => s.kind === 'latency',
    )!;
    expect(latency.indicator).toMatchObject({ thresholdMs: 500 });
    const status = statusAfterOneMinute(latency);
    expect(status.alert).toBe('page');
    expect(status.alertReason).toMatch(/^page: burn rate 2\d(\.\d+)? over 1h/);
    expect(status.burnRates['5m']).toBeGreaterThan(14.4);
    expect(status.errorBudgetRemaining).toBeLessThan(0);
    expect(status.attainment).toBeCloseTo(0.75, 1);
  });

  it('keeps every other objective quiet, burning less than its budget allows', () => {
    for (const service of DEMO_SERVICES) {
      for (const slo of sloFileOf(service).slos) {
        if (service === 'pipeline-service' && slo.kind === 'latency') continue;
        const status = statusAfterOneMinute(slo);
        expect({ slo: slo.name, alert: status.alert }).toEqual({
          slo: slo.name,
          alert: 'none',
        });
        expect(status.burnRates['1h']).toBeLessThan(1);
        expect(counts(slo).total).toBeGreaterThan(20);
      }
    }
  });
});
