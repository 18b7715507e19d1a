import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { LookupService } from '../lookup/LookupService';
import { parseLookupQuery } from '../lookup/parseLookupQuery';
import { createOpenApiRouter } from '../schema/openapi';

/** The plugin's HTTP API on the router generated from the OpenAPI spec; handlers stay thin. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  lookup: LookupService;
}): Promise<express.Router> {
  const { httpAuth, lookup } = options;
  const router = await createOpenApiRouter();

  router.get('/v1/lookup', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { withHealth, ...keys } = req.query;
    res.json(
      await lookup.lookup(parseLookupQuery(keys), credentials, { withHealth }),
    );
  });

  return router;
}
