import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createProposeProducesAction } from './proposeProducesAction';

/**
 * A local stand-in for `POST /api/catalog-edits/proposals` that answers with
 * the status and body the test sets, in the real API's shapes, and records
 * what it was sent.
 */
async function startFakeCatalogEdits() {
  const received: { authorization?: string; body: any }[] = [];
  let answer: { status: number; body: object } = { status: 500, body: {} };
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', chunk => (text += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/api/catalog-edits/proposals') {
        res.writeHead(404).end();
        return;
      }
      received.push({
        authorization: req.headers.authorization,
        body: JSON.parse(text),
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      // Error answers in Backstage's shape ({ error, request, response }), as its backends send.
      res.end(
        JSON.stringify(
          answer.status >= 400
            ? {
                ...answer.body,
                request: { method: 'POST', url: '/proposals' },
                response: { statusCode: answer.status },
              }
            : answer.body,
        ),
      );
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/catalog-edits`,
    received,
    answer(status: number, body: object) {
      answer = { status, body };
    },
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}

const reporting = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'reporting',
    annotations: {
      'backstage.io/managed-by-location':
        'file:/strata/examples/dataflow/services/reporting/catalog-info.yaml',
    },
  },
  spec: { type: 'service', owner: 'growth-reporting', lifecycle: 'production' },
};

const instructions = `Add the topic to spec.produces of component:default/reporting in /strata/examples/dataflow/services/reporting/catalog-info.yaml
(add the item to the list if spec.produces already exists):

spec:
  produces:
    - resource:default/report-generated`;

describe('strata:catalog:propose-produces', () => {
  let fake: Awaited<ReturnType<typeof startFakeCatalogEdits>>;
  beforeAll(async () => {
    fake = await startFakeCatalogEdits();
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.received.splice(0));

  const run = async (isDryRun = false) => {
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({
        input: {
          producer: 'reporting',
          topic: 'resource:default/report-generated',
        },
        logger,
      }),
      isDryRun,
    };
    const action = createProposeProducesAction({
      auth: mockServices.auth(),
      discovery: {
        getBaseUrl: async pluginId => {
          expect(pluginId).toBe('catalog-edits');
          return fake.baseUrl;
        },
        getExternalBaseUrl: async () => fake.baseUrl,
      },
      catalog: catalogServiceMock({ entities: [reporting] }),
    });
    await action.handler(ctx as any);
    return { ctx, logger };
  };

  it('asks catalog-edits for the pull request on behalf of the initiator and outputs it', async () => {
    fake.answer(201, {
      pullRequestUrl: 'https://github.com/dataflow-systems/reporting/pull/7',
      branch: 'strata/addProduces-reporting-a1b2c3',
    });
    const { ctx } = await run();
    expect(fake.received).toEqual([
      {
        authorization: expect.stringMatching(/^Bearer .+/),
        body: {
          entityRef: 'component:default/reporting',
          edit: {
            type: 'addProduces',
            topicRef: 'resource:default/report-generated',
          },
        },
      },
    ]);
    // the token is issued for catalog-edits, on behalf of the task's user
    expect(fake.received[0].authorization).toContain('catalog-edits');
    expect(fake.received[0].authorization).toContain('user:default/mock');
    expect(ctx.output).toHaveBeenCalledWith(
      'pullRequestUrl',
      'https://github.com/dataflow-systems/reporting/pull/7',
    );
  });

  it('succeeds with a warning and exact instructions when the producer is not GitHub-backed', async () => {
    fake.answer(400, {
      error: {
        name: 'InputError',
        message:
          'component:default/reporting is not read from a GitHub URL (looked at backstage.io/managed-by-location)',
      },
    });
    const { ctx, logger } = await run();
    expect(ctx.output).toHaveBeenCalledWith('pullRequestUrl', '');
    expect(ctx.output).toHaveBeenCalledWith('instructions', instructions);
    expect(logger.warn).toHaveBeenCalledWith(
      `No pull request was opened for component:default/reporting (catalog-edits answered 400: component:default/reporting is not read from a GitHub URL (looked at backstage.io/managed-by-location)).\n${instructions}`,
    );
  });

  it('fails on answers that are not about where the file lives', async () => {
    fake.answer(502, { error: { name: 'Error', message: 'GitHub said no' } });
    await expect(run()).rejects.toThrow(
      'catalog-edits could not propose the change to component:default/reporting (502): GitHub said no',
    );
  });

  it('sends nothing in a dry run and logs what it would propose', async () => {
    const { ctx, logger } = await run(true);
    expect(fake.received).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      'Dry run: would ask catalog-edits for a pull request adding resource:default/report-generated to spec.produces of component:default/reporting',
    );
    expect(ctx.output).toHaveBeenCalledWith('pullRequestUrl', '');
    expect(ctx.output).toHaveBeenCalledWith('instructions', instructions);
  });
});
