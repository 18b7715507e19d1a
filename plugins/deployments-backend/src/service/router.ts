import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { deploymentsEventCreatePermission } from '@internal/plugin-deployments-common';
import { tryNormalizeRef } from '@internal/plugin-service-model-common';
import { jsonBody } from '@internal/backend-http-kit';
import express from 'express';
import { HistoryStore } from '../database/HistoryStore';
import { DORA_WINDOWS, isDoraWindow } from '../dora/windows';
import { EventRecorder } from '../history/EventRecorder';
import { DeploymentStatusSource } from '../kubernetes/types';
import { createOpenApiRouter } from '../schema/openapi';
import { CatalogScope } from './catalogScope';
import { DoraQuery } from './DoraQuery';
import { toApiRollout } from './toApi';

/** 1,000 events of a few hundred bytes each, with room to spare. */
const EVENTS_BODY_LIMIT_BYTES = 1024 * 1024;
const DEFAULT_ROLLOUTS_LIMIT = 50;

/** A query parameter as an entity ref (lower case), or a 400 naming the parameter. */
function refParam(value: string, name: string, defaultKind: string): string {
  const ref = tryNormalizeRef(value, { defaultKind });
  if (!ref)
    throw new InputError(`${name}: not an entity reference: '${value}'`);
  return ref.toLocaleLowerCase('en-US');
}

/** The plugin's HTTP API on the router generated from the OpenAPI spec; handlers stay thin. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor?: AuditorService;
  store: HistoryStore;
  recorder: EventRecorder;
  scope: CatalogScope;
  dora: DoraQuery;
  status: DeploymentStatusSource;
}): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    auditor,
    store,
    recorder,
    scope,
    dora,
    status,
  } = options;
  const router = await createOpenApiRouter({
    middleware: [
      jsonBody({
        limitBytes: EVENTS_BODY_LIMIT_BYTES,
        tooLargeMessage:
          'The request body is larger than 1 MiB: send at most 1,000 events per request',
      }),
    ],
  });

  router.get('/v1/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = refParam(req.query.entityRef, 'entityRef', 'component');
    res.json(
      await status.getStatus(await scope.entity(entityRef, credentials)),
    );
  });

  router.get('/v1/rollouts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = refParam(req.query.entityRef, 'entityRef', 'component');
    await scope.entity(entityRef, credentials);
    const rollouts = await store.listRollouts({
      entityRef,
      environment: req.query.environment || undefined,
      limit: req.query.limit ?? DEFAULT_ROLLOUTS_LIMIT,
    });
    res.json({ items: rollouts.map(toApiRollout) });
  });

  router.post('/v1/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: deploymentsEventCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not record deployment events (permission ${deploymentsEventCreatePermission.name})`,
      );
    }
    const audit = await auditor?.createEvent({
      eventId: 'events-record',
      severityLevel: 'medium',
      request: req,
      meta: { events: Array.isArray(req.body) ? req.body.length : 1 },
    });
    try {
      const result = await recorder.record(req.body);
      const count = (r: string) =>
        result.accepted.filter(a => a.result === r).length;
      await audit?.success({
        meta: {
          created: count('created'),
          updated: count('updated'),
          unchanged: count('unchanged'),
        },
      });
      res.json(result);
    } catch (error) {
      await audit?.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/v1/dora', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRef, owner, window = '30d' } = req.query;
    if (!isDoraWindow(window)) {
      throw new InputError(
        `window: must be one of ${DORA_WINDOWS.join(', ')}, got '${window}'`,
      );
    }
    if (Boolean(entityRef) === Boolean(owner)) {
      throw new InputError(
        'Give exactly one of entityRef (a service) or owner (a group, e.g. group:default/billing)',
      );
    }
    const about = entityRef
      ? { entityRef: refParam(entityRef, 'entityRef', 'component') }
      : { owner: refParam(owner!, 'owner', 'group') };
    res.json(await dora.report(about, window, credentials));
  });

  return router;
}
