import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  GovernanceConfig,
  governanceEvaluatePermission,
  governanceRules,
  governanceWaiverCreatePermission,
  governanceWaiverDeletePermission,
} from '@internal/plugin-governance-common';
import { tryNormalizeRef } from '@internal/plugin-service-model-common';
import { jsonBody } from '@internal/backend-http-kit';
import express from 'express';
import { HistoryStore } from '../database/HistoryStore';
import { WaiverStore } from '../database/WaiverStore';
import { Evaluator } from '../evaluation/Evaluator';
import { utcDay } from '../evaluation/historyCounts';
import { WaiverIndex } from '../evaluation/waivers';
import { createOpenApiRouter } from '../schema/openapi';
import { validateWaiver } from './newWaiver';
import {
  toApiEvaluationRef,
  toApiEvaluationSummary,
  toApiOnDemand,
  toApiWaiver,
} from './toApi';
import { GovernanceViews } from './views';

const DAY_MS = 24 * 3600_000;
const DEFAULT_HISTORY_DAYS = 30;

/** A query parameter as a lower-case entity ref, or a 400 naming the parameter. */
function refParam(value: string, name: string, defaultKind: string): string {
  const ref = tryNormalizeRef(value, { defaultKind });
  if (!ref) {
    throw new InputError(`${name}: not an entity reference: '${value}'`);
  }
  return ref.toLocaleLowerCase('en-US');
}

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  views: GovernanceViews;
  waivers: WaiverStore;
  history: HistoryStore;
  evaluator: Evaluator;
  governance: GovernanceConfig;
  maxWaiverDays: number;
  now?: () => number;
}

/** The plugin's HTTP API on the router generated from the OpenAPI spec; handlers stay thin. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, auditor, views, waivers, history } = options;
  const now = options.now ?? Date.now;
  const json = jsonBody({ limitBytes: 64 * 1024 });
  const router = await createOpenApiRouter({
    middleware: [
      // POST /v1/evaluations has no body, but fetch and proxies send `Content-Length: 0` with
      // no Content-Type, which jsonBody would refuse as not JSON (415).
      (req, res, next) =>
        req.headers['content-length'] === '0' ? next() : json(req, res, next),
    ],
  });

  /** The caller may do this, or a 403 naming the permission. */
  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
    what: string,
  ): Promise<void> {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${what} (permission ${permission.name}; platform admins have it)`,
      );
    }
  }

  router.get('/v1/findings', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { rule, entityRef, owner, namespace } = req.query;
    if (rule && !(rule in governanceRules)) {
      throw new InputError(
        `rule: unknown rule '${rule}'; the rules are ${Object.keys(
          governanceRules,
        ).join(', ')}`,
      );
    }
    const { evaluation, items } = await views.findings({
      rule,
      entityRef: entityRef && refParam(entityRef, 'entityRef', 'component'),
      owner: owner && refParam(owner, 'owner', 'group'),
      namespace: namespace?.toLocaleLowerCase('en-US'),
    });
    res.json({
      evaluation: toApiEvaluationRef(evaluation),
      items: items.map(f => ({
        ...f,
        waiver: f.waiver && toApiWaiver(f.waiver, now()),
      })),
    });
  });

  router.get('/v1/checks', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({
      items: options.governance.checks.map(c => ({
        ...c,
        appliesTo: { ...c.appliesTo },
        condition: { ...c.condition },
      })),
      levels: options.governance.levels,
    });
  });

  router.get('/v1/scorecards', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { entityRef, owner } = req.query;
    if (Boolean(entityRef) === Boolean(owner)) {
      throw new InputError(
        'Give exactly one of entityRef (an entity) or owner (a group, e.g. group:default/billing)',
      );
    }
    const { evaluation, items, onDemand } = await views.scorecards(
      entityRef
        ? { entityRef: refParam(entityRef, 'entityRef', 'component') }
        : { owner: refParam(owner!, 'owner', 'group') },
    );
    res.json({
      evaluation: toApiEvaluationRef(evaluation),
      ...(onDemand && { onDemand: toApiOnDemand(onDemand) }),
      items: items.map(score => ({
        ...score,
        results: score.results.map(({ entityRef: _ref, ...r }) => ({
          ...r,
          waiver: r.waiver && toApiWaiver(r.waiver, now()),
        })),
      })),
    });
  });

  router.get('/v1/rollups', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { by } = req.query;
    const { evaluation, items } = await views.rollups(by);
    res.json({
      evaluation: toApiEvaluationRef(evaluation),
      by,
      items: items.map(({ by: _by, ...r }) => r),
    });
  });

  router.get('/v1/history', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { dimension, name } = req.query;
    const days = req.query.days ?? DEFAULT_HISTORY_DAYS;
    const to = utcDay(now());
    const from = utcDay(now() - (days - 1) * DAY_MS);
    const names =
      name === undefined
        ? undefined
        : [dimension === 'owner' ? refParam(name, 'name', 'group') : name];
    const counts = await history.query({
      dimension,
      names,
      fromDay: from,
      toDay: to,
    });
    const series = new Map<string, Array<{ day: string; count: number }>>();
    for (const c of counts) {
      const points = series.get(c.name) ?? [];
      points.push({ day: c.day, count: c.count });
      series.set(c.name, points);
    }
    res.json({
      dimension,
      from,
      to,
      series: [...series].map(([n, points]) => ({ name: n, points })),
    });
  });

  router.get('/v1/waivers', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const list = await waivers.list({
      includeExpired: req.query.includeExpired === true,
    });
    res.json({ items: list.map(w => toApiWaiver(w, now())) });
  });

  router.post('/v1/waivers', async (req, res) => {
    // A waiver's approver is a person: only user credentials may create one.
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorize(
      credentials,
      governanceWaiverCreatePermission,
      'create waivers',
    );
    const { findingKey, checkId, entityRef, expiresAt } = req.body;
    const audit = await auditor.createEvent({
      eventId: 'waiver-create',
      severityLevel: 'medium',
      request: req,
      meta: { findingKey, checkId, entityRef, expiresAt },
    });
    try {
      const { evaluation } = await views.current();
      const waiver = await waivers.create(
        validateWaiver(req.body, {
          approver: credentials.principal.userEntityRef,
          evaluation,
          checks: options.governance.checks,
          maxDays: options.maxWaiverDays,
          now: now(),
        }),
      );
      await audit.success({ meta: { waiverId: waiver.id } });
      res.status(201).json(toApiWaiver(waiver, now()));
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  });

  router.delete('/v1/waivers/:id', async (req, res) => {
    await authorize(
      await httpAuth.credentials(req, { allow: ['user'] }),
      governanceWaiverDeletePermission,
      'delete waivers',
    );
    const audit = await auditor.createEvent({
      eventId: 'waiver-delete',
      severityLevel: 'medium',
      request: req,
      meta: { waiverId: req.params.id },
    });
    try {
      const deleted = await waivers.delete(req.params.id);
      if (!deleted) throw new NotFoundError(`No waiver ${req.params.id}`);
      await audit.success({ meta: { waiver: toApiWaiver(deleted, now()) } });
      res.status(204).end();
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  });

  router.post('/v1/evaluations', async (req, res) => {
    await authorize(
      await httpAuth.credentials(req, { allow: ['user', 'service'] }),
      governanceEvaluatePermission,
      'run an evaluation',
    );
    const audit = await auditor.createEvent({
      eventId: 'evaluation-run',
      severityLevel: 'low',
      request: req,
    });
    try {
      const evaluation = await options.evaluator.run('api');
      const index = new WaiverIndex(await waivers.list());
      const open = evaluation.findings.filter(f => !index.forFinding(f.key));
      await audit.success({ meta: { evaluationId: evaluation.id } });
      res.json(toApiEvaluationSummary(evaluation, open.length));
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/v1/evaluations/latest', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const current = await views.currentIfAny();
    if (!current) {
      throw new NotFoundError(
        'No governance evaluation has finished yet: the first one runs when the backend starts',
      );
    }
    const { evaluation, waivers: index } = current;
    res.json(
      toApiEvaluationSummary(
        evaluation,
        evaluation.findings.filter(f => !index.forFinding(f.key)).length,
      ),
    );
  });

  return router;
}
