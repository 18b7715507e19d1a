import {
  consume,
  dbCall,
  httpCall,
  Planner,
  publish,
  Served,
  work,
} from './calls';
import { FlowBuilder, OpenSpan } from './FlowBuilder';
import { between, seededRandom, Share } from './rhythm';
import { DEMO_SCENARIO, DemoRoute } from './scenario';
import { PlannedFlow } from './types';

const KAFKA = 'kafka' as const;
const RABBITMQ = 'rabbitmq' as const;

/**
 * The DataFlow demo organisation's traffic (the product brief's request flow), one gateway
 * request at a time: web frontend → api-gateway → auth (validate the token) → pipeline-service
 * (create the run: check the connection with connector-service, write pipeline-db, publish
 * pipeline.run.created, enqueue on etl.tasks) → etl-workers (read the pipeline over HTTP, fetch
 * credentials, extract and load, checkpoint, publish pipeline.run.completed or .failed) →
 * notification and billing consume pipeline.run.completed. Between runs, customers list
 * connectors and read invoices. Pure and seeded: the same seed plans the same traffic.
 */
export class DemoTrafficShape {
  private readonly random: () => number;
  private requests = 0;
  private readonly slowRun = new Share(DEMO_SCENARIO.slowRunCreation);
  private readonly slowRead = new Share(DEMO_SCENARIO.slowPipelineRead, 5);
  private readonly failedRun = new Share(DEMO_SCENARIO.failedRunCreation, 1000);
  private readonly failedEtl = new Share(DEMO_SCENARIO.failedEtlRun, 17);
  private readonly failedMail = new Share(
    DEMO_SCENARIO.failedNotification,
    500,
  );

  constructor(options: { seed?: number } = {}) {
    this.random = seededRandom(options.seed ?? 12);
  }

  /** The next request entering the gateway, and everything it causes. */
  nextFlow(): PlannedFlow {
    const { routeCycle } = DEMO_SCENARIO;
    const route: DemoRoute = routeCycle[this.requests % routeCycle.length];
    this.requests += 1;
    const p: Planner = { b: new FlowBuilder(), random: this.random };
    if (route === 'run') this.startRun(p);
    else if (route === 'connectors') this.listConnectors(p);
    else this.readInvoices(p);
    return p.b.build(route);
  }

  /** The gateway's part of every request: the server span, token validation, then routing. */
  private gateway(
    p: Planner,
    method: string,
    route: string,
    downstream: (gateway: OpenSpan, at: number) => Served,
  ) {
    const gateway = p.b.open({
      service: 'api-gateway',
      name: `${method} ${route}`,
      kind: 'server',
      startMs: 0,
      attributes: { 'http.request.method': method, 'http.route': route },
    });
    const validated = httpCall(
      p,
      gateway,
      between(p.random, 0.5, 2),
      { callee: 'auth', method: 'POST', route: '/v1/tokens/validate' },
      (auth, at) => {
        const end = dbCall(p, auth, at, {
          system: 'postgresql',
          database: 'auth-db',
          operation: 'SELECT',
          table: 'sessions',
          durationMs: between(p.random, 1, 6),
        });
        return { end: end + between(p.random, 2, 8), status: 200 };
      },
    );
    const served = downstream(
      gateway,
      validated.end + between(p.random, 0.2, 1),
    );
    // The gateway passes a failing service's status on as 502 Bad Gateway.
    const status = served.status >= 500 ? 502 : served.status;
    p.b.close(gateway, served.end + between(p.random, 1, 3), {
      error: served.error,
      attributes: { 'http.response.status_code': status },
    });
  }

  private startRun(p: Planner) {
    this.gateway(p, 'POST', '/v1/pipelines/{id}/runs', (gateway, at) =>
      httpCall(
        p,
        gateway,
        at,
        {
          callee: 'pipeline-service',
          method: 'POST',
          route: '/v1/pipelines/{id}/runs',
        },
        (pipeline, t0) => this.createRun(p, pipeline, t0),
      ),
    );
  }

  /** pipeline-service creating a run; a quarter of its requests wait on pipeline-db locks. */
  private createRun(p: Planner, pipeline: OpenSpan, t0: number): Served {
    let t = httpCall(
      p,
      pipeline,
      t0,
      {
        callee: 'connector-service',
        method: 'GET',
        route: '/v1/connections/{id}',
      },
      (connector, at) => this.readConnector(p, connector, at, 'connections'),
    ).end;
    const slow = this.slowRun.next();
    const failed = this.failedRun.next();
    t = dbCall(p, pipeline, t + 0.5, {
      system: 'postgresql',
      database: 'pipeline-db',
      operation: 'INSERT',
      table: 'pipeline_runs',
      durationMs:
        slow || failed
          ? between(p.random, 620, 1400)
          : between(p.random, 8, 40),
      error: failed ? 'canceling statement due to lock timeout' : undefined,
    });
    if (failed) {
      return {
        end: t + between(p.random, 1, 3),
        status: 503,
        error: 'could not create the run: lock timeout on pipeline_runs',
      };
    }
    t = publish(p, pipeline, t + 0.5, {
      system: KAFKA,
      name: 'pipeline.run.created',
    }).end;
    const task = publish(p, pipeline, t + 0.5, {
      system: RABBITMQ,
      name: 'etl.tasks',
    });
    const answered = task.end + between(p.random, 2, 6);
    // The run goes on after pipeline-service has answered: a worker picks the task up.
    consume(
      p,
      task.producer,
      task.end + between(p.random, 20, 250),
      {
        service: 'etl-workers',
        topic: { system: RABBITMQ, name: 'etl.tasks' },
      },
      (worker, at) => this.runEtl(p, worker, at),
    );
    return { end: answered, status: 201 };
  }

  /** An ETL worker running a pipeline: read it, fetch credentials, extract and load, report. */
  private runEtl(p: Planner, worker: OpenSpan, t0: number) {
    let t = httpCall(
      p,
      worker,
      t0,
      {
        callee: 'pipeline-service',
        method: 'GET',
        route: '/v1/pipelines/{id}',
      },
      (pipeline, at) => {
        const end = dbCall(p, pipeline, at, {
          system: 'postgresql',
          database: 'pipeline-db',
          operation: 'SELECT',
          table: 'pipelines',
          durationMs: this.slowRead.next()
            ? between(p.random, 520, 900)
            : between(p.random, 2, 15),
        });
        return { end: end + between(p.random, 2, 6), status: 200 };
      },
    ).end;
    t = httpCall(
      p,
      worker,
      t + 0.5,
      {
        callee: 'connector-service',
        method: 'GET',
        route: '/v1/connections/{id}/credentials',
      },
      (connector, at) => this.readConnector(p, connector, at, 'credentials'),
    ).end;
    const failed = this.failedEtl.next();
    t = work(
      p,
      worker,
      t + 0.5,
      'extract and load',
      failed ? between(p.random, 50, 400) : between(p.random, 300, 1500),
      failed ? 'source refused the connection' : undefined,
    );
    t = dbCall(p, worker, t + 0.5, {
      system: 'postgresql',
      database: 'etl-state-db',
      operation: 'UPDATE',
      table: 'checkpoints',
      durationMs: between(p.random, 3, 15),
    });
    if (failed) {
      const done = publish(p, worker, t + 0.5, {
        system: KAFKA,
        name: 'pipeline.run.failed',
      });
      this.notify(p, done.producer, done.end, 'pipeline.run.failed');
      return {
        end: done.end + 1,
        error: 'pipeline run failed: source refused the connection',
      };
    }
    // The undeclared call: usage recorded synchronously with billing's API.
    t = httpCall(
      p,
      worker,
      t + 0.5,
      { callee: 'billing', method: 'POST', route: '/v1/usage' },
      (billing, at) => {
        const end = dbCall(p, billing, at + between(p.random, 5, 20), {
          system: 'postgresql',
          database: 'legacy-db',
          operation: 'INSERT',
          table: 'usage_records',
          durationMs: between(p.random, 5, 30),
        });
        return { end: end + between(p.random, 10, 40), status: 201 };
      },
    ).end;
    const done = publish(p, worker, t + 0.5, {
      system: KAFKA,
      name: 'pipeline.run.completed',
    });
    this.notify(p, done.producer, done.end, 'pipeline.run.completed');
    consume(
      p,
      done.producer,
      done.end + between(p.random, 10, 200),
      {
        service: 'billing',
        topic: { system: KAFKA, name: 'pipeline.run.completed' },
      },
      (billing, at) => ({
        end:
          dbCall(p, billing, at, {
            system: 'postgresql',
            database: 'legacy-db',
            operation: 'UPDATE',
            table: 'usage_totals',
            durationMs: between(p.random, 5, 40),
          }) + between(p.random, 1, 5),
      }),
    );
    return { end: done.end + between(p.random, 0.5, 2) };
  }

  /** notification telling the customer: look the recipient up, then send the mail. */
  private notify(
    p: Planner,
    producer: OpenSpan,
    published: number,
    topic: string,
  ) {
    consume(
      p,
      producer,
      published + between(p.random, 10, 150),
      { service: 'notification', topic: { system: KAFKA, name: topic } },
      (notification, at) => {
        const t = httpCall(
          p,
          notification,
          at,
          { callee: 'user-management', method: 'GET', route: '/v1/users/{id}' },
          (users, t0) => {
            const end = dbCall(p, users, t0 + between(p.random, 5, 15), {
              system: 'postgresql',
              database: 'legacy-db',
              operation: 'SELECT',
              table: 'users',
              durationMs: between(p.random, 3, 20),
            });
            return { end: end + between(p.random, 5, 25), status: 200 };
          },
        ).end;
        const failed = this.failedMail.next();
        const error = failed
          ? 'mail provider answered 451: try again later'
          : undefined;
        return {
          end: work(
            p,
            notification,
            t + 0.5,
            'send email',
            between(p.random, 20, 120),
            error,
          ),
          error,
        };
      },
    );
  }

  private readConnector(
    p: Planner,
    connector: OpenSpan,
    at: number,
    table: string,
  ): Served {
    const end = dbCall(p, connector, at, {
      system: 'postgresql',
      database: 'connector-db',
      operation: 'SELECT',
      table,
      durationMs: between(p.random, 2, 10),
    });
    return { end: end + between(p.random, 3, 10), status: 200 };
  }

  private listConnectors(p: Planner) {
    this.gateway(p, 'GET', '/v1/connectors', (gateway, at) =>
      httpCall(
        p,
        gateway,
        at,
        { callee: 'connector-service', method: 'GET', route: '/v1/connectors' },
        (connector, t0) => {
          const end = dbCall(p, connector, t0, {
            system: 'postgresql',
            database: 'connector-db',
            operation: 'SELECT',
            table: 'connectors',
            durationMs: between(p.random, 5, 40),
          });
          return { end: end + between(p.random, 3, 10), status: 200 };
        },
      ),
    );
  }

  private readInvoices(p: Planner) {
    this.gateway(p, 'GET', '/v1/invoices', (gateway, at) =>
      httpCall(
        p,
        gateway,
        at,
        { callee: 'billing', method: 'GET', route: '/v1/invoices' },
        (billing, t0) => {
          // A Rails app: time in the framework before and after the query.
          const end = dbCall(p, billing, t0 + between(p.random, 10, 40), {
            system: 'postgresql',
            database: 'legacy-db',
            operation: 'SELECT',
            table: 'invoices',
            durationMs: between(p.random, 20, 200),
          });
          return { end: end + between(p.random, 10, 40), status: 200 };
        },
      ),
    );
  }
}
