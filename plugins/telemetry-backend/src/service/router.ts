import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { MetricsSource } from '@internal/plugin-telemetry-node';
import express from 'express';
import { serviceNode } from '../aggregate/graph';
import { CatalogGraphCache } from '../catalog/CatalogGraphCache';
import { AggregateReader } from '../database/AggregateReader';
import { GraphReader } from '../database/GraphReader';
import { SampleReader } from '../database/SampleReader';
import { edgeReport } from '../query/edgeReport';
import { EmbeddedMetricsSource } from '../query/EmbeddedMetricsSource';
import { redReport } from '../query/redReport';
import { serviceList } from '../query/serviceList';
import { traceSampleList } from '../query/traceSamples';
import {
  isWindow,
  prefersHours,
  rangeOf,
  stepOf,
  WINDOWS,
} from '../query/windows';
import { createOpenApiRouter } from '../schema/openapi';
import { SloService } from '../slo';

const DEFAULT_WINDOW = '1h';

function windowParam(value: string | undefined) {
  const window = value ?? DEFAULT_WINDOW;
  if (!isWindow(window)) {
    throw new InputError(
      `window: must be one of ${Object.keys(WINDOWS).join(
        ', ',
      )}, got '${window}'`,
    );
  }
  return window;
}

/** The read API on the router generated from the OpenAPI spec; handlers stay thin. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  /**
   * Which services have traffic (the edge report's "never observed" needs it); the service
   * list when the installed source has none.
   */
  aggregates: AggregateReader;
  /** The installed source (embedded or a module's): RED is read through it. */
  metricsSource: MetricsSource;
  graph: GraphReader;
  samples: SampleReader;
  catalog: CatalogGraphCache;
  /** SLO status (src/slo); without it `/v1/slos` is not served. */
  slos?: SloService;
  traceUrlTemplate?: string;
  now?: () => number;
}): Promise<express.Router> {
  const { httpAuth, aggregates, metricsSource, graph, samples, catalog } =
    options;
  const now = options.now ?? Date.now;
  const router = await createOpenApiRouter();

  // A module's source without a service list leaves it to the embedded aggregates.
  const embedded = new EmbeddedMetricsSource(aggregates);
  const servicesSource = metricsSource.services
    ? { id: metricsSource.id, list: metricsSource.services.bind(metricsSource) }
    : { id: embedded.id, list: embedded.services.bind(embedded) };

  router.get('/v1/services', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const window = windowParam(req.query.window);
    const { fromMs, toMs } = rangeOf(window, now());
    const services = await servicesSource.list({
      from: new Date(fromMs),
      to: new Date(toMs),
      stepMs: stepOf(window),
    });
    res.json(
      serviceList({
        window,
        services,
        catalog: await catalog.get(services.map(s => serviceNode(s.serviceName))),
        source: servicesSource.id,
      }),
    );
  });

  router.get('/v1/services/:serviceName/red', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { serviceName } = req.params;
    const window = windowParam(req.query.window);
    const { fromMs, toMs } = rangeOf(window, now());
    const answer = await metricsSource.red({
      serviceName,
      from: new Date(fromMs),
      to: new Date(toMs),
      stepMs: stepOf(window),
    });
    res.json(
      redReport({
        serviceName,
        entityRef: (await catalog.get([serviceNode(serviceName)])).entityOfService(
          serviceName,
        ),
        window,
        fromMs,
        toMs,
        answer,
        source: metricsSource.id,
      }),
    );
  });

  router.get('/v1/services/:serviceName/traces', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { serviceName } = req.params;
    const sampled = await samples.samples(serviceName);
    res.json(
      traceSampleList({
        serviceName,
        samples: sampled,
        spans: await samples.spans(sampled.map(s => s.traceId)),
        urlTemplate: options.traceUrlTemplate,
      }),
    );
  });

  router.get('/v1/edges', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const window = windowParam(req.query.window);
    const { fromMs, toMs } = rangeOf(window, now());
    const edges = await graph.edges(fromMs, toMs, prefersHours(window));
    const servicesSeen = await aggregates.servicesSeen(fromMs, toMs);
    const nodes = [
      ...edges.flatMap(e => [e.source, e.target]),
      ...servicesSeen.map(serviceNode),
    ];
    res.json(
      edgeReport({
        window,
        edges,
        servicesSeen,
        catalog: await catalog.get(nodes),
      }),
    );
  });

  router.get('/v1/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (!options.slos)
      throw new NotFoundError('SLO status is not served by this backend');
    res.json(
      await options.slos.getSloStatuses(req.query.entityRef, { credentials }),
    );
  });

  return router;
}
