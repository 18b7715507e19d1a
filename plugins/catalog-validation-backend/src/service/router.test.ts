import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import http from 'node:http';
import request from 'supertest';
import {
  MAX_BODY_BYTES,
  MAX_CONTENT_BYTES,
  MAX_FILE_BYTES,
  MAX_FILES,
} from '../validation/limits';
import { EntityConflict } from '@internal/plugin-catalog-validation-common';
import { ConflictStore } from '../database/ConflictStore';
import { CliScript, CliScriptFile } from '../cli/CliScript';
import { specProblems } from '../__testUtils__/specAnswers';
import { createRouter } from './router';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const goodService = lines(
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: billing',
  'spec:',
  '  type: service',
  '  lifecycle: production',
  '  owner: group:default/payments',
  '  tier: 1',
);

const badService = lines(
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: billing',
  '  links:',
  '    - url: javascript:alert(1)',
  'spec:',
  '  type: service',
  '  lifecycle: production',
  '  owner: group:default/payments',
  '  tier: 7',
);

const FORGET_AFTER_MS = 15 * 60_000;

/** A built script as the bundler writes it (its second line names the version). */
const builtScript = lines(
  '#!/usr/bin/env node',
  "// strata-catalog 0.1.0+0123456789ab: validates Backstage catalog files with the Strata portal's rules.",
  'console.log("strata-catalog");',
);
const builtCliScript: CliScript = {
  read: async () => ({ content: builtScript, version: '0.1.0+0123456789ab' }),
};

/** The store's contract over a fixed list (the database store is tested on every database). */
function conflictStoreWith(stored: EntityConflict[]) {
  const list = jest.fn(
    async (options: { seenSince: Date; entityRef?: string }) =>
      stored.filter(
        c =>
          new Date(c.lastSeenAt) >= options.seenSince &&
          (!options.entityRef || c.entityRef === options.entityRef),
      ),
  );
  return { record: jest.fn(), prune: jest.fn(), list };
}

/**
 * The app, listening on IPv4 loopback only. wrapServer's proxy (mockttp)
 * forwards to "localhost" over IPv6 whenever the port also answers on ::1,
 * and hosts without an IPv6 "localhost" entry then fail with ENOTFOUND.
 */
function onIpv4(app: express.Express): express.Express {
  const listen = (port: number) =>
    http.createServer(app).listen(port, '127.0.0.1');
  return Object.assign(Object.create(app), { listen });
}

async function startApp(
  options: {
    defaultCredentials?: BackstageCredentials;
    entities?: Entity[];
    conflicts?: ConflictStore;
    cliScript?: CliScript;
  } = {},
): Promise<string> {
  const router = await createRouter({
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.defaultCredentials,
    }),
    logger: mockServices.logger.mock(),
    catalog: catalogServiceMock({ entities: options.entities ?? [group] }),
    conflicts: options.conflicts ?? conflictStoreWith([]),
    conflictsForgetAfterMs: FORGET_AFTER_MS,
    cliScript: options.cliScript ?? builtCliScript,
  });
  const server = await wrapServer(
    onIpv4(express().use(router).use(mockErrorHandler())),
  );
  // The proxy that checks requests and responses against the spec; its
  // address is a URL, which this supertest version wants as a string.
  return (server.address() as unknown as URL).origin;
}

describe('POST /validate', () => {
  let app: string;

  beforeAll(async () => {
    app = await startApp();
  });

  it('answers 401 without credentials', async () => {
    const anonymous = await startApp({
      defaultCredentials: mockCredentials.none(),
    });
    const response = await request(anonymous)
      .post('/validate')
      .send({ files: [{ path: 'a.yaml', content: goodService }] });
    expect(response.status).toBe(401);
    expect(response.body.error.name).toBe('AuthenticationError');
  });

  it('accepts a clean file', async () => {
    const response = await request(app)
      .post('/validate')
      .send({ files: [{ path: 'catalog-info.yaml', content: goodService }] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      files: 1,
      entities: 1,
      errors: 0,
      warnings: 0,
      violations: [],
    });
  });

  it('answers 200 with the violations of a bad file at their positions', async () => {
    const response = await request(app)
      .post('/validate')
      .set('authorization', mockCredentials.user.header())
      .send({
        files: [{ path: 'svc/catalog-info.yaml', content: badService }],
      });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ files: 1, entities: 1, errors: 2 });
    expect(response.body.violations).toEqual([
      {
        file: 'svc/catalog-info.yaml',
        line: 6,
        column: 12,
        rule: 'unsafe-link',
        severity: 'error',
        message: 'metadata.links[0].url is a javascript: URL',
        hint: expect.stringContaining('cross-site scripting'),
        entityRef: 'component:default/billing',
      },
      {
        file: 'svc/catalog-info.yaml',
        line: 11,
        column: 9,
        rule: 'service-model',
        severity: 'error',
        message: 'spec.tier must be the integer 1, 2 or 3, got 7',
        hint: 'Use 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).',
        entityRef: 'component:default/billing',
      },
    ]);
  });

  it('reports YAML that does not parse, at the parser position', async () => {
    const response = await request(app)
      .post('/validate')
      .send({ files: [{ path: 'x.yaml', content: 'a: [1, 2\n' }] });
    expect(response.status).toBe(200);
    expect(response.body.violations).toEqual([
      expect.objectContaining({ file: 'x.yaml', rule: 'yaml-syntax' }),
    ]);
  });

  it('reports an OpenSLO file with the OpenSLO rules, in the same shape', async () => {
    const slo = lines(
      'apiVersion: openslo/v1',
      'kind: SLO',
      'metadata:',
      '  name: billing-availability',
      'spec:',
      '  budgetingMethod: Timeslices',
      '  indicatorRef: billing-ok',
      '  timeWindow: [{duration: 28d, isRolling: true}]',
      '  objectives: [{target: 0.999}]',
    );
    const response = await request(app)
      .post('/validate')
      .send({ files: [{ path: 'svc/slo.yaml', content: slo }] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ files: 1, entities: 0, errors: 2 });
    expect(response.body.violations).toEqual([
      {
        file: 'svc/slo.yaml',
        line: 6,
        column: 20,
        rule: 'openslo/unsupported-budgeting-method',
        severity: 'error',
        message:
          'budgetingMethod Timeslices is not supported yet: Strata counts good and total requests (budgetingMethod: Occurrences)',
        hint: 'Use budgetingMethod: Occurrences.',
      },
      expect.objectContaining({
        line: 7,
        column: 17,
        rule: 'openslo/unknown-indicator',
      }),
    ]);
  });

  it('allows a service principal', async () => {
    const response = await request(app)
      .post('/validate')
      .set('authorization', mockCredentials.service.header())
      .send({ files: [{ path: 'a.yaml', content: goodService }] });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBe(0);
  });

  it('checks references against the catalog when asked', async () => {
    const orphan = goodService.replace(
      'group:default/payments',
      'group:default/ghosts',
    );
    const files = [
      { path: 'a.yaml', content: goodService },
      { path: 'b.yaml', content: orphan },
    ];
    const unchecked = await request(app).post('/validate').send({ files });
    expect(unchecked.body.errors).toBe(1); // declared twice

    const response = await request(app)
      .post('/validate')
      .send({
        files: [files[1]],
        checkReferences: true,
      });
    expect(response.status).toBe(200);
    expect(response.body.violations).toEqual([
      {
        file: 'b.yaml',
        line: 8,
        column: 10,
        rule: 'missing-reference',
        severity: 'error',
        message:
          'spec.owner refers to group:default/ghosts, which does not exist',
        hint: 'Register that entity first, or fix the reference (spec.owner defaults to kind Group).',
        entityRef: 'component:default/billing',
      },
    ]);

    const found = await request(app)
      .post('/validate')
      .send({ files: [files[0]], checkReferences: true });
    expect(found.body).toMatchObject({ errors: 0, violations: [] });
  });

  it('answers 413 to more than the allowed number of files', async () => {
    const files = Array.from({ length: MAX_FILES + 1 }, (_, i) => ({
      path: `f${i}.yaml`,
      content: '',
    }));
    const response = await request(app).post('/validate').send({ files });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({
      name: 'PayloadTooLargeError',
      message: expect.stringContaining(
        'The request has 201 files; send at most 200 files and 1 MiB of content per request',
      ),
    });
  });

  it('answers 413 to more than 1 MiB of content', async () => {
    const content = `# ${'x'.repeat(MAX_CONTENT_BYTES / 2 - 3)}\n`;
    const response = await request(app)
      .post('/validate')
      .send({
        files: [
          { path: 'a.yaml', content },
          { path: 'b.yaml', content },
          { path: 'c.yaml', content: '# 1\n' },
        ],
      });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(
      /^The files hold 1048580 bytes of content; send at most 200 files/,
    );
  });

  it('answers 413 to a body over the parser limit', async () => {
    const content = 'x'.repeat(MAX_BODY_BYTES);
    const response = await request(app)
      .post('/validate')
      .send({ files: [{ path: 'huge.yaml', content }] });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      error: {
        name: 'PayloadTooLargeError',
        message: expect.stringContaining('larger than 8 MiB'),
      },
      response: { statusCode: 413 },
    });
  });

  it.each([
    ['no files', {}],
    ['files not a list', { files: 'catalog-info.yaml' }],
    ['a file without content', { files: [{ path: 'a.yaml' }] }],
    ['content not a string', { files: [{ path: 'a.yaml', content: 1 }] }],
    ['an unknown field', { files: [], verbose: true }],
    ['checkReferences not a boolean', { files: [], checkReferences: 'yes' }],
  ])('answers 400 to %s', async (_, body) => {
    const response = await request(app).post('/validate').send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
  });

  it('answers 415 to a body that is not JSON', async () => {
    // Straight to the app: the spec-checking proxy refuses the body itself.
    const bare = express()
      .use(
        await createRouter({
          auth: mockServices.auth(),
          httpAuth: mockServices.httpAuth(),
          logger: mockServices.logger.mock(),
          catalog: catalogServiceMock({ entities: [group] }),
          conflicts: conflictStoreWith([]),
          conflictsForgetAfterMs: FORGET_AFTER_MS,
          cliScript: builtCliScript,
        }),
      )
      .use(mockErrorHandler());
    const response = await request(bare)
      .post('/validate')
      .set('content-type', 'text/plain')
      .send(goodService);
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({
      error: {
        name: 'UnsupportedMediaTypeError',
        message:
          'The request body must be JSON (Content-Type: application/json), not text/plain',
      },
      response: { statusCode: 415 },
    });
  });

  it('answers 413 to one file over the per-file limit, naming it', async () => {
    const content = `# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    const response = await request(app)
      .post('/validate')
      .send({ files: [{ path: 'big.yaml', content }] });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe(
      'big.yaml holds 524291 bytes; files over 512 KiB are not validated. Split it into several files.',
    );
  });

  it.each([
    [
      'flow nesting',
      '['.repeat(100_000) + ']'.repeat(100_000),
      'YAML nested more than 64 levels deep; the file was not validated',
    ],
    [
      'block nesting',
      `${'- '.repeat(100_000)}x\n`,
      'YAML nested more than 64 levels deep; the file was not validated',
    ],
    [
      'an alias bomb',
      [
        'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
        ...'bcdefgh'
          .split('')
          .map(
            (n, i) =>
              `${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`,
          ),
      ].join('\n'),
      'YAML aliases expand to more than 100 nodes; the document was not validated',
    ],
  ])(
    'answers 200 with a parse-limit violation for %s',
    async (_, content, message) => {
      const response = await request(app)
        .post('/validate')
        .send({
          files: [
            { path: 'evil.yaml', content },
            { path: 'ok.yaml', content: goodService },
          ],
        });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ files: 2, entities: 1, errors: 1 });
      expect(response.body.violations).toEqual([
        expect.objectContaining({
          file: 'evil.yaml',
          rule: 'parse-limit',
          severity: 'error',
          message,
        }),
      ]);
    },
  );

  it('answers 400 to malformed JSON', async () => {
    const response = await request(app)
      .post('/validate')
      .set('content-type', 'application/json')
      .send('{"files": [');
    expect(response.status).toBe(400);
  });
});

describe('GET /cli/strata-catalog.mjs', () => {
  /**
   * Straight to the app, each answer checked against the spec by specProblems:
   * wrapServer's proxy reads only JSON answers and refuses an operation that
   * declares another media type, and this one's is text/javascript.
   */
  async function scriptApp(
    defaultCredentials: BackstageCredentials,
    cliScript: CliScript = builtCliScript,
  ) {
    return express()
      .use(
        await createRouter({
          auth: mockServices.auth(),
          httpAuth: mockServices.httpAuth({ defaultCredentials }),
          logger: mockServices.logger.mock(),
          catalog: catalogServiceMock({ entities: [group] }),
          conflicts: conflictStoreWith([]),
          conflictsForgetAfterMs: FORGET_AFTER_MS,
          cliScript,
        }),
      )
      .use(mockErrorHandler());
  }

  it('answers 401 without credentials', async () => {
    const response = await request(await scriptApp(mockCredentials.none())).get(
      '/cli/strata-catalog.mjs',
    );
    expect(response.status).toBe(401);
    expect(response.body.error.name).toBe('AuthenticationError');
    expect(response.text).not.toContain('strata-catalog 0.1.0');
    expect(specProblems('get', '/cli/strata-catalog.mjs', response)).toEqual(
      [],
    );
  });

  it.each([
    ['a user', mockCredentials.user()],
    ['a service (a CI job with a static token)', mockCredentials.service()],
  ])('sends the built script to %s', async (_, credentials) => {
    const response = await request(await scriptApp(credentials)).get(
      '/cli/strata-catalog.mjs',
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.text).toBe(builtScript);
    expect(specProblems('get', '/cli/strata-catalog.mjs', response)).toEqual(
      [],
    );
  });

  it('answers 503 naming the build command when the script was not built', async () => {
    const response = await request(
      await scriptApp(
        mockCredentials.user(),
        new CliScriptFile('/nonexistent/strata-catalog.mjs'),
      ),
    ).get('/cli/strata-catalog.mjs');
    expect(response.status).toBe(503);
    expect(specProblems('get', '/cli/strata-catalog.mjs', response)).toEqual(
      [],
    );
    expect(response.body.error).toEqual({
      name: 'ServiceUnavailableError',
      message:
        'The strata-catalog.mjs script has not been built on this portal; its operator can build it with "yarn workspace @internal/strata-catalog-cli bundle"',
    });
  });
});

describe('GET /conflicts', () => {
  const recent = new Date(Date.now() - 60_000).toISOString();
  const old = new Date(Date.now() - 2 * FORGET_AFTER_MS).toISOString();
  const billing: EntityConflict = {
    entityRef: 'component:default/billing',
    keptLocation:
      'url:https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
    ignoredLocation:
      'url:https://github.com/dataflow/admin/blob/main/catalog-info.yaml',
    firstSeenAt: recent,
    lastSeenAt: recent,
  };
  const resolved: EntityConflict = {
    ...billing,
    entityRef: 'component:default/audit',
    lastSeenAt: old,
  };

  it('answers 401 without credentials', async () => {
    const anonymous = await startApp({
      defaultCredentials: mockCredentials.none(),
    });
    expect((await request(anonymous).get('/conflicts')).status).toBe(401);
  });

  it('lists the conflicts the catalog reported recently', async () => {
    const conflicts = conflictStoreWith([billing, resolved]);
    const app = await startApp({ conflicts });
    const response = await request(app).get('/conflicts');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [billing] });
    const { seenSince } = conflicts.list.mock.calls[0][0];
    expect(Date.now() - seenSince.getTime()).toBeGreaterThanOrEqual(
      FORGET_AFTER_MS,
    );
  });

  it('narrows to one entity, for a service caller too', async () => {
    const app = await startApp({
      conflicts: conflictStoreWith([billing]),
      defaultCredentials: mockCredentials.service(),
    });
    const hit = await request(app)
      .get('/conflicts')
      .query({ entityRef: 'component:default/billing' });
    expect(hit.body.items).toEqual([billing]);
    const miss = await request(app)
      .get('/conflicts')
      .query({ entityRef: 'component:default/audit' });
    expect(miss.body.items).toEqual([]);
  });
});
