import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CatalogEdit,
  catalogEntityProposeEditPermission,
} from '@internal/plugin-catalog-edits-common';
import { normalizeRef } from '@internal/plugin-service-model-common';
import express from 'express';
import { ProposalStore } from '../database/ProposalStore';
import { createOpenApiRouter } from '../schema/openapi';
import { jsonBody } from '@internal/backend-http-kit';
import { ProposalRejectedError, ProposalService } from './ProposalService';

function normalizeEntityRef(ref: string): string {
  try {
    return normalizeRef(ref);
  } catch {
    throw new InputError(`'${ref}' is not a valid entity reference`);
  }
}

/** The plugin's HTTP API, on the router generated from the OpenAPI spec. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: ProposalService;
  store: ProposalStore;
}): Promise<express.Router> {
  const { httpAuth, permissions, service, store } = options;
  const router = await createOpenApiRouter({
    // express.json's default limit: proposals are small.
    middleware: [jsonBody({ limitBytes: 100 * 1024 })],
  });

  router.post('/proposals', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = normalizeEntityRef(req.body.entityRef);
    const [decision] = await permissions.authorize(
      [
        {
          permission: catalogEntityProposeEditPermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not propose changes to ${entityRef}`);
    }
    try {
      const result = await service.propose({
        entityRef,
        edit: req.body.edit as CatalogEdit,
        requestedBy: credentials.principal.userEntityRef,
        credentials,
      });
      res.status(201).json(result);
    } catch (error) {
      if (error instanceof ProposalRejectedError) {
        res.status(422).json({
          error: {
            name: error.name,
            message: error.message,
            violations: error.violations,
          },
          response: { statusCode: 422 },
        });
        return;
      }
      throw error;
    }
  });

  router.get('/proposals', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entityRef = req.query.entityRef
      ? normalizeEntityRef(req.query.entityRef)
      : undefined;
    res.json({ items: await store.list({ entityRef }) });
  });

  return router;
}
