import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import { catalogReferenceLookup } from '@internal/plugin-catalog-validation-node';
import { CliScript } from '../cli/CliScript';
import { ConflictStore } from '../database/ConflictStore';
import { createOpenApiRouter } from '../schema/openapi';
import {
  bodyTooLargeMessage,
  checkLimits,
  MAX_BODY_BYTES,
} from '../validation/limits';
import { validateFiles } from '../validation/validateFiles';
import { catalogReadCredentials, jsonBody } from '@internal/backend-http-kit';

export interface RouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  catalog: CatalogService;
  conflicts: ConflictStore;
  /** Conflicts the catalog has not reported again for this long are no longer listed. */
  conflictsForgetAfterMs: number;
  /** The self-contained strata-catalog script served to CI jobs. */
  cliScript: CliScript;
}

/** The plugin's routes, on the router generated from src/schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    auth,
    httpAuth,
    logger,
    catalog,
    conflicts,
    conflictsForgetAfterMs,
    cliScript,
  } = options;
  const router = await createOpenApiRouter({
    middleware: [
      jsonBody({
        limitBytes: MAX_BODY_BYTES,
        tooLargeMessage: bodyTooLargeMessage,
      }),
    ],
  });

  /**
   * Whose credentials look references up: a user's own (they read what they may); for a machine
   * caller (CI with a token restricted to this plugin) the plugin's own, so the caller learns
   * which referenced entities exist, and nothing else of them.
   */
  const lookupCredentials = (credentials: BackstageCredentials) =>
    catalogReadCredentials(auth, credentials);

  router.get('/cli/strata-catalog.mjs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { content, version } = await cliScript.read();
    logger.debug(
      `Sent strata-catalog ${version} to ${credentials.principal.type}`,
    );
    // An authenticated download: caches may keep it for this caller only, and
    // must ask again (ETag, from express) before reusing it.
    res
      .type('text/javascript')
      .set('cache-control', 'private, no-cache')
      .send(content);
  });

  router.post('/validate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    checkLimits(req.body.files);
    const result = await validateFiles(
      req.body,
      req.body.checkReferences
        ? catalogReferenceLookup(catalog, await lookupCredentials(credentials))
        : undefined,
    );
    logger.debug(
      `Validated ${result.files} files for ${credentials.principal.type}: ${result.errors} errors, ${result.warnings} warnings`,
    );
    res.json(result);
  });

  router.get('/conflicts', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const items = await conflicts.list({
      entityRef: req.query.entityRef,
      seenSince: new Date(Date.now() - conflictsForgetAfterMs),
    });
    res.json({ items });
  });

  return router;
}
