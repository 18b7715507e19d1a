import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { jsonBody } from '@internal/backend-http-kit';
import express from 'express';
import { AlertEnricher } from '../alerts/AlertEnricher';
import { LookupService } from '../lookup/LookupService';
import { parseLookupQuery } from '../lookup/parseLookupQuery';
import { createOpenApiRouter } from '../schema/openapi';

/** 1,000 alerts (the spec's maximum) of about a kilobyte each, with room to spare. */
const WEBHOOK_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The plugin's HTTP API on the router generated from the OpenAPI spec; handlers stay thin. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  auditor?: AuditorService;
  lookup: LookupService;
  alerts: AlertEnricher;
}): Promise<express.Router> {
  const { httpAuth, auditor, lookup, alerts } = options;
  const router = await createOpenApiRouter({
    middleware: [
      jsonBody({
        limitBytes: WEBHOOK_BODY_LIMIT_BYTES,
        tooLargeMessage:
          'The request body is larger than 2 MiB: send at most 1,000 alerts per request (Alertmanager: max_alerts)',
      }),
    ],
  });

  router.get('/v1/lookup', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { withHealth, ...keys } = req.query;
    res.json(
      await lookup.lookup(parseLookupQuery(keys), credentials, { withHealth }),
    );
  });

  router.post('/v1/alertmanager', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const audit = await auditor?.createEvent({
      eventId: 'alertmanager-forward',
      severityLevel: 'medium',
      request: req,
      meta: { alerts: req.body.alerts.length, receiver: req.body.receiver },
    });
    try {
      const enrichments = await alerts.enrich(req.body, credentials);
      let forward;
      try {
        forward = await alerts.forwardTo(req.body, enrichments);
      } catch (error) {
        throw new ServiceUnavailableError((error as Error).message);
      }
      const enriched = enrichments.filter(e => e.ownership).length;
      await audit?.success({
        meta: { enriched, unknown: enrichments.length - enriched, ...forward },
      });
      res.json({
        received: enrichments.length,
        enriched,
        alerts: enrichments,
        ...forward,
      });
    } catch (error) {
      await audit?.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
