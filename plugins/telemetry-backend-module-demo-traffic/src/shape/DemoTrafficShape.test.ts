import { DemoTrafficShape } from './DemoTrafficShape';
import { DEMO_SERVICES } from './scenario';
import { PlannedFlow, PlannedSpan } from './types';

/** A flow as an indented outline: "service kind name", children below their parent. */
function outline(flow: PlannedFlow): string[] {
  const depth = (span: PlannedSpan): number =>
    span.parent === undefined ? 0 : depth(flow.spans[span.parent]) + 1;
  return flow.spans.map(
    s =>
      `${'  '.repeat(depth(s))}${s.service} ${s.kind} ${s.name}${
        s.error ? ' ERROR' : ''
      }`,
  );
}

function flows(count: number, seed?: number): PlannedFlow[] {
  const shape = new DemoTrafficShape({ seed });
  return Array.from({ length: count }, () => shape.nextFlow());
}

const served = (s: PlannedSpan) => s.kind === 'server' || s.kind === 'consumer';

describe('DemoTrafficShape', () => {
  it("plans a pipeline run as the product brief's flow: gateway → auth → pipeline → ETL workers → notification and billing", () => {
    const [run] = flows(1);
    expect(run.route).toBe('run');
    expect(outline(run)).toEqual([
      'api-gateway server POST /v1/pipelines/{id}/runs',
      '  api-gateway client POST',
      '    auth server POST /v1/tokens/validate',
      '      auth client SELECT sessions',
      '  api-gateway client POST',
      '    pipeline-service server POST /v1/pipelines/{id}/runs',
      '      pipeline-service client GET',
      '        connector-service server GET /v1/connections/{id}',
      '          connector-service client SELECT connections',
      '      pipeline-service client INSERT pipeline_runs',
      '      pipeline-service producer pipeline.run.created publish',
      '      pipeline-service producer etl.tasks publish',
      '        etl-workers consumer etl.tasks process',
      '          etl-workers client GET',
      '            pipeline-service server GET /v1/pipelines/{id}',
      '              pipeline-service client SELECT pipelines',
      '          etl-workers client GET',
      '            connector-service server GET /v1/connections/{id}/credentials',
      '              connector-service client SELECT credentials',
      '          etl-workers internal extract and load',
      '          etl-workers client UPDATE checkpoints',
      '          etl-workers client POST',
      '            billing server POST /v1/usage',
      '              billing client INSERT usage_records',
      '          etl-workers producer pipeline.run.completed publish',
      '            notification consumer pipeline.run.completed process',
      '              notification client GET',
      '                user-management server GET /v1/users/{id}',
      '                  user-management client SELECT users',
      '              notification internal send email',
      '            billing consumer pipeline.run.completed process',
      '              billing client UPDATE usage_totals',
    ]);
    // Peers named as the catalog names them, so the observed edges map to entities.
    const db = run.spans.find(s => s.name === 'INSERT pipeline_runs')!;
    expect(db.attributes).toMatchObject({
      'db.system': 'postgresql',
      'db.namespace': 'pipeline-db',
    });
    const task = run.spans.find(s => s.name === 'etl.tasks publish')!;
    expect(task.attributes).toMatchObject({
      'messaging.system': 'rabbitmq',
      'messaging.destination.name': 'etl.tasks',
    });
    const usage = run.spans.find(s => s.name === 'POST /v1/usage')!;
    expect(usage.attributes).toEqual({
      'http.request.method': 'POST',
      'http.route': '/v1/usage',
      'http.response.status_code': 201,
    });
  });

  it('keeps time consistent: children after parents, synchronous calls inside their caller, messages after publishing', () => {
    const broken: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) broken.push(what);
    };
    for (const flow of flows(200)) {
      check(Math.min(...flow.spans.map(s => s.startMs)) === 0, 'starts at 0');
      for (const span of flow.spans) {
        const end = span.startMs + span.durationMs;
        check(span.durationMs > 0, `${span.name} lasts`);
        check(end <= flow.durationMs + 1e-9, `${span.name} inside the flow`);
        if (span.parent === undefined) continue;
        const parent = flow.spans[span.parent];
        const parentEnd = parent.startMs + parent.durationMs;
        check(span.parent < span.index, `${span.name} after its parent`);
        check(
          span.startMs >= parent.startMs,
          `${span.name} starts in its parent`,
        );
        // A message waits in its topic after the producer span ended; other work ends inside
        // its caller.
        if (span.kind === 'consumer') {
          check(span.startMs > parentEnd, `${span.name} after publishing`);
        } else {
          check(end <= parentEnd + 1e-9, `${span.name} ends in its parent`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('mixes 7 run starts, 2 connector lists and 1 invoice read in every 10 requests', () => {
    const routes = flows(1000).map(f => f.route);
    expect(routes.filter(r => r === 'run')).toHaveLength(700);
    expect(routes.filter(r => r === 'connectors')).toHaveLength(200);
    expect(routes.filter(r => r === 'invoices')).toHaveLength(100);
    expect(
      new Set(flows(30).flatMap(f => f.spans.map(s => s.service))),
    ).toEqual(new Set(DEMO_SERVICES));
  });

  it('makes a quarter of pipeline-service requests slower than 500 ms, and almost none of the others', () => {
    const spans = flows(4000)
      .flatMap(f => f.spans)
      .filter(served);
    const slowShare = (service: string, thresholdMs: number) => {
      const mine = spans.filter(s => s.service === service);
      return mine.filter(s => s.durationMs > thresholdMs).length / mine.length;
    };
    expect(slowShare('pipeline-service', 500)).toBeCloseTo(0.25, 2);
    expect(slowShare('auth', 100)).toBe(0);
    expect(slowShare('connector-service', 250)).toBe(0);
    expect(slowShare('user-management', 400)).toBe(0);
    expect(slowShare('billing', 1000)).toBe(0);
    // The gateway waits for slow run creations, but stays under its looser 2 s.
    expect(slowShare('api-gateway', 500)).toBeGreaterThan(0.2);
    expect(slowShare('api-gateway', 2000)).toBe(0);
  });

  it('fails ETL runs, run creations and mails at their exact shares, and passes errors up as 5xx', () => {
    const all = flows(20_000);
    const runs = all.filter(f => f.route === 'run');
    const failedCreations = runs.filter(f =>
      f.spans.some(
        s =>
          s.name === 'POST /v1/pipelines/{id}/runs' &&
          s.kind === 'server' &&
          s.service === 'pipeline-service' &&
          s.error,
      ),
    );
    // Exact to one request: a share hits floor or ceil of n × share, whatever n.
    expect(
      Math.abs(failedCreations.length - runs.length * 0.0005),
    ).toBeLessThanOrEqual(1);
    expect(failedCreations.length).toBeGreaterThan(0);
    const failed = failedCreations[0];
    expect(failed.spans[0]).toMatchObject({
      service: 'api-gateway',
      error: 'could not create the run: lock timeout on pipeline_runs',
      attributes: { 'http.response.status_code': 502 },
    });
    expect(failed.spans.some(s => s.service === 'etl-workers')).toBe(false);

    const etlRuns = all
      .flatMap(f => f.spans)
      .filter(s => s.service === 'etl-workers' && s.kind === 'consumer');
    const failedEtl = etlRuns.filter(s => s.error);
    expect(failedEtl.length / etlRuns.length).toBeCloseTo(0.03, 3);
    const mails = all
      .flatMap(f => f.spans)
      .filter(s => s.service === 'notification' && s.kind === 'consumer');
    expect(
      Math.abs(mails.filter(s => s.error).length - mails.length * 0.001),
    ).toBeLessThanOrEqual(1);
  });

  it('calls billing from etl-workers on every completed run (the undeclared call), and publishes failures instead', () => {
    for (const flow of flows(300).filter(f => f.route === 'run')) {
      const worker = flow.spans.find(
        s => s.service === 'etl-workers' && s.kind === 'consumer',
      );
      if (!worker) continue;
      const usage = flow.spans.filter(
        s =>
          s.name === 'POST /v1/usage' &&
          flow.spans[s.parent!].service === 'etl-workers',
      );
      const failedRun = flow.spans.some(
        s => s.name === 'pipeline.run.failed publish',
      );
      expect(usage).toHaveLength(failedRun ? 0 : 1);
      expect(worker.error !== undefined).toBe(failedRun);
    }
  });

  it('stays under 32 spans a request, so 10 requests a second stay under 300 spans a second', () => {
    const sizes = flows(1000).map(f => f.spans.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(32);
    expect(Math.min(...sizes)).toBe(7);
  });

  it('plans the same traffic from the same seed, and other traffic from another', () => {
    expect(flows(20, 7)).toEqual(flows(20, 7));
    expect(flows(20, 7)).not.toEqual(flows(20, 8));
  });
});
