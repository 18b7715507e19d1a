import { FlowBuilder, OpenSpan } from './FlowBuilder';
import { between } from './rhythm';

/*
 * The shapes of calls between the demo's services, as OpenTelemetry's semantic conventions
 * name them: HTTP client and server spans (`http.request.method`, `http.route`,
 * `http.response.status_code`, `server.address`), database client spans (`db.system`,
 * `db.namespace` = the catalog's database Resource name, so the observed edge maps to it),
 * and messaging producer/consumer spans (`messaging.destination.name` = the catalog topic).
 */

export interface Planner {
  b: FlowBuilder;
  random: () => number;
}

/** What a served request came to: when it ended, its HTTP status, and the error if it failed. */
export interface Served {
  end: number;
  status: number;
  error?: string;
}

/** A few tenths of a millisecond to a millisecond and a half on the wire. */
const wire = (p: Planner) => between(p.random, 0.3, 1.5);

/**
 * An HTTP call from the service of `from` to `callee`'s `route`: a CLIENT span in the caller
 * and, as its child, the callee's SERVER span, whose work `serve` plans. 5xx fails both.
 */
export function httpCall(
  p: Planner,
  from: OpenSpan,
  at: number,
  call: { callee: string; method: string; route: string },
  serve: (server: OpenSpan, at: number) => Served,
): Served {
  const client = p.b.open({
    parent: from,
    service: from.service,
    name: call.method,
    kind: 'client',
    startMs: at,
    attributes: {
      'http.request.method': call.method,
      'server.address': call.callee,
      'url.template': call.route,
    },
  });
  const serverStart = at + wire(p);
  const server = p.b.open({
    parent: client,
    service: call.callee,
    name: `${call.method} ${call.route}`,
    kind: 'server',
    startMs: serverStart,
    attributes: {
      'http.request.method': call.method,
      'http.route': call.route,
    },
  });
  const served = serve(server, serverStart + between(p.random, 0.5, 2));
  const status = { 'http.response.status_code': served.status };
  p.b.close(server, served.end, { error: served.error, attributes: status });
  const end = served.end + wire(p);
  p.b.close(client, end, { error: served.error, attributes: status });
  return { ...served, end };
}

/** A query from the service of `from` to one of its databases: a CLIENT span. */
export function dbCall(
  p: Planner,
  from: OpenSpan,
  at: number,
  query: {
    system: 'postgresql';
    database: string;
    operation: string;
    table: string;
    durationMs: number;
    error?: string;
  },
): number {
  const span = p.b.open({
    parent: from,
    service: from.service,
    name: `${query.operation} ${query.table}`,
    kind: 'client',
    startMs: at,
    attributes: {
      'db.system': query.system,
      'db.namespace': query.database,
      'db.operation.name': query.operation,
      'db.collection.name': query.table,
    },
  });
  return p.b.close(span, at + query.durationMs, { error: query.error });
}

/** Publishing to a topic or queue: a PRODUCER span, returned open-ended for its consumers. */
export function publish(
  p: Planner,
  from: OpenSpan,
  at: number,
  topic: { system: 'kafka' | 'rabbitmq'; name: string },
): { producer: OpenSpan; end: number } {
  const producer = p.b.open({
    parent: from,
    service: from.service,
    name: `${topic.name} publish`,
    kind: 'producer',
    startMs: at,
    attributes: {
      'messaging.system': topic.system,
      'messaging.destination.name': topic.name,
      'messaging.operation.type': 'publish',
    },
  });
  const end = p.b.close(producer, at + between(p.random, 1, 4));
  return { producer, end };
}

/**
 * A service processing a message: a CONSUMER span, child of the producer's span (one message
 * per process call), after the message waited in the topic; `handle` plans the work.
 */
export function consume(
  p: Planner,
  producer: OpenSpan,
  at: number,
  consumer: {
    service: string;
    topic: { system: 'kafka' | 'rabbitmq'; name: string };
  },
  handle: (span: OpenSpan, at: number) => { end: number; error?: string },
): number {
  const span = p.b.open({
    parent: producer,
    service: consumer.service,
    name: `${consumer.topic.name} process`,
    kind: 'consumer',
    startMs: at,
    attributes: {
      'messaging.system': consumer.topic.system,
      'messaging.destination.name': consumer.topic.name,
      'messaging.operation.type': 'process',
    },
  });
  const handled = handle(span, at + between(p.random, 0.2, 1));
  return p.b.close(span, handled.end, { error: handled.error });
}

/** Work inside a service that explains where time goes: an INTERNAL span. */
export function work(
  p: Planner,
  from: OpenSpan,
  at: number,
  name: string,
  durationMs: number,
  error?: string,
): number {
  const span = p.b.open({
    parent: from,
    service: from.service,
    name,
    kind: 'internal',
    startMs: at,
  });
  return p.b.close(span, at + durationMs, { error });
}
