import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CatalogEditProposal,
  catalogEntityProposeEditPermission,
} from '@internal/plugin-catalog-edits-common';
import express from 'express';
import http from 'node:http';
import request from 'supertest';
import { NewProposal, ProposalStore } from '../database/ProposalStore';
import { GithubPullRequestPublisher } from '../github/GithubPullRequestPublisher';
import { FakeGithub } from '../tests/fakeGithub';
import { ProposalService } from './ProposalService';
import { createRouter } from './router';

const CATALOG_INFO = `# pipeline-service: owned by the pipelines team.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: pipeline-service
  description: Runs customer pipelines   # shown on the entity page
spec:
  type: service
  lifecycle: production
  owner: group:default/pipelines  # on-call: #pipelines-oncall
  system: system:default/pipelines
  tier: 1
  dependsOn:
    - resource:default/pipeline-db # primary store

  # Events
  produces:
    - resource:default/pipeline-run-created
`;

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'pipelines' },
  };
}

const ENTITIES = [
  entity('pipeline-service', {
    'backstage.io/managed-by-location':
      'url:https://github.com/dataflow/pipeline-service/blob/main/catalog-info.yaml',
    'backstage.io/managed-by-origin-location':
      'url:https://github.com/dataflow/pipeline-service/blob/main/catalog-info.yaml',
  }),
  entity('local-service', {
    'backstage.io/managed-by-location': 'file:/srv/catalog/local.yaml',
  }),
  entity('missing-repo', {
    'backstage.io/managed-by-location':
      'url:https://github.com/dataflow/gone/blob/main/catalog-info.yaml',
  }),
  entity('elsewhere', {
    'backstage.io/managed-by-location':
      'url:https://github.com/dataflow/pipeline-service/blob/main/other.yaml',
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'pipeline-db',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://github.com/dataflow/pipeline-service/blob/main/catalog/stores.yaml',
      },
    },
    spec: { type: 'database', owner: 'group:default/pipelines' },
  },
];

const STORES = `# Stores of the pipeline service.
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: pipeline-cache
spec:
  type: database
  owner: group:default/pipelines
  engine: redis
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: pipeline-db
spec:
  type: database
  owner: group:default/pipelines # DBA: #data-platform
  personalData: true
`;

class MemoryProposalStore implements ProposalStore {
  readonly items: CatalogEditProposal[] = [];
  async add(p: NewProposal) {
    const proposal = {
      ...p,
      id: String(this.items.length + 1),
      createdAt: new Date(0).toISOString(),
    };
    this.items.unshift(proposal);
    return proposal;
  }
  async list(options?: { entityRef?: string }) {
    return this.items.filter(
      p => !options?.entityRef || p.entityRef === options.entityRef,
    );
  }
}

// The first test also starts the store and the fake GitHub: on a loaded 2-core machine that
// alone can pass Jest's 5 s default.
jest.setTimeout(30_000);

describe('createRouter', () => {
  const github = new FakeGithub({ token: 'ghp_test' });
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await github.start();
  });
  afterAll(() => github.stop());

  async function setup(options?: { deny?: boolean }) {
    github.addRepo({
      owner: 'dataflow',
      name: 'pipeline-service',
      files: { 'catalog-info.yaml': CATALOG_INFO },
    });
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([
      { result: options?.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW },
    ]);
    const store = new MemoryProposalStore();
    const config = new ConfigReader({
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: baseUrl, token: 'ghp_test' },
        ],
      },
    });
    const service = new ProposalService({
      catalog: catalogServiceMock({ entities: ENTITIES }),
      publisher: GithubPullRequestPublisher.fromConfig(config),
      store,
      logger: mockServices.logger.mock(),
      shortId: () => 'a1b2c3',
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user('user:default/jane'),
      }),
      permissions,
      service,
      store,
    });
    const app = express().use(router).use(mockErrorHandler());
    // Serve on IPv4 loopback only: wrapServer's proxy otherwise tries
    // "localhost" over IPv6, which this host does not resolve.
    const ipv4App = Object.assign(Object.create(app), {
      listen: (port: number) =>
        http.createServer(app).listen(port, '127.0.0.1'),
    });
    // wrapServer checks requests and responses against the OpenAPI spec;
    // its address() is the URL of that checking proxy.
    const wrapped = await wrapServer(ipv4App);
    const server = (wrapped.address() as unknown as URL).origin;
    return { server, app, permissions, store };
  }

  it('opens a pull request that changes only the owner, and records it', async () => {
    const { server, permissions, store } = await setup();
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'setOwner', owner: 'group:default/platform' },
      });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      pullRequestUrl: 'https://github.com/dataflow/pipeline-service/pull/1',
      branch: 'strata/setOwner-pipeline-service-a1b2c3',
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: catalogEntityProposeEditPermission,
          resourceRef: 'component:default/pipeline-service',
        },
      ],
      expect.anything(),
    );
    expect(
      github.file(
        'dataflow',
        'pipeline-service',
        'strata/setOwner-pipeline-service-a1b2c3',
        'catalog-info.yaml',
      ),
    ).toBe(
      CATALOG_INFO.replace(
        'owner: group:default/pipelines  # on-call',
        'owner: group:default/platform  # on-call',
      ),
    );
    // The base branch is untouched: the catalog changes only on merge.
    expect(
      github.file('dataflow', 'pipeline-service', 'main', 'catalog-info.yaml'),
    ).toBe(CATALOG_INFO);

    const [pull] = github.pulls('dataflow', 'pipeline-service');
    expect(pull).toMatchObject({
      title:
        'component:default/pipeline-service: set owner to group:default/platform',
      head: 'strata/setOwner-pipeline-service-a1b2c3',
      base: 'main',
    });
    expect(pull.body).toBe(
      [
        'This pull request was proposed from the Strata portal by `user:default/jane`.',
        '',
        '## Change',
        '',
        '- **Entity:** `component:default/pipeline-service`',
        '- **Field:** `spec.owner`',
        '- **Edit:** set owner to group:default/platform',
        '- **File:** `catalog-info.yaml` on `main`',
        '',
        "Only `spec.owner` of this entity is changed; the rest of the file, comments and formatting included, is untouched. The edited file passes Strata's catalog validation with no new errors.",
        '',
        '## What merging does',
        '',
        'The catalog reads this file from Git. Merging this pull request updates the catalog on its next refresh of this location; closing it discards the change. The portal never edits the catalog behind Git\u2019s back.',
      ].join('\n'),
    );
    expect(
      github.lastCommitMessage(
        'dataflow',
        'pipeline-service',
        'strata/setOwner-pipeline-service-a1b2c3',
      ),
    ).toMatch(/^catalog-info: set owner to group:default\/platform/);

    expect(store.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'setOwner', owner: 'group:default/platform' },
        requestedBy: 'user:default/jane',
        pullRequestUrl: 'https://github.com/dataflow/pipeline-service/pull/1',
      }),
    ]);
    const list = await request(server)
      .get('/proposals')
      .query({ entityRef: 'component:default/pipeline-service' });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('calls exactly the GitHub endpoints it needs, in order', async () => {
    const { server } = await setup();
    github.requests.length = 0;
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'addProduces', topicRef: 'pipeline-run-done' },
      });
    expect(res.status).toBe(201);
    expect(
      github.requests.map(r => `${r.method} ${r.path.split('?')[0]}`),
    ).toEqual([
      'GET /repos/dataflow/pipeline-service',
      'GET /repos/dataflow/pipeline-service/git/ref/heads/main',
      'GET /repos/dataflow/pipeline-service/contents/catalog-info.yaml',
      'POST /repos/dataflow/pipeline-service/git/refs',
      'PUT /repos/dataflow/pipeline-service/contents/catalog-info.yaml',
      'POST /repos/dataflow/pipeline-service/pulls',
    ]);
    expect(
      github.file(
        'dataflow',
        'pipeline-service',
        res.body.branch,
        'catalog-info.yaml',
      ),
    ).toBe(`${CATALOG_INFO}    - resource:default/pipeline-run-done\n`);
  });

  it('adds a database to dependsOn, keeping the comment on the line before', async () => {
    const { server } = await setup();
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/pipeline-service',
        edit: {
          type: 'addDatabase',
          resourceRef: 'resource:default/pipeline-cache',
        },
      });
    expect(res.status).toBe(201);
    expect(
      github.file(
        'dataflow',
        'pipeline-service',
        res.body.branch,
        'catalog-info.yaml',
      ),
    ).toBe(
      CATALOG_INFO.replace(
        '    - resource:default/pipeline-db # primary store\n',
        '    - resource:default/pipeline-db # primary store\n    - resource:default/pipeline-cache\n',
      ),
    );
  });

  it('returns 403 and touches nothing when the permission is denied', async () => {
    const { server, store } = await setup({ deny: true });
    github.requests.length = 0;
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'addConsumes', topicRef: 'connector-configured' },
      });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(github.requests).toEqual([]);
    expect(store.items).toEqual([]);
  });

  it('returns 404 for an entity the catalog does not have', async () => {
    const { server } = await setup();
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/nope',
        edit: { type: 'setOwner', owner: 'platform' },
      });
    expect(res.status).toBe(404);
  });

  it('returns 400 with a clear message for an entity not read from GitHub', async () => {
    const { server } = await setup();
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/local-service',
        edit: { type: 'setOwner', owner: 'platform' },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^Cannot propose an edit to component:default\/local-service: this entity was not read from GitHub \(read from file:\/srv\/catalog\/local\.yaml\)/,
    );
  });

  it('returns 400 for a request the spec does not allow', async () => {
    const { server } = await setup();
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'deleteEverything' },
      });
    expect(res.status).toBe(400);
  });

  it('returns 415 for a body that is not JSON, and opens nothing', async () => {
    const { app, store } = await setup();
    // Straight to the app: the spec-checking proxy refuses the body itself.
    const res = await request(app)
      .post('/proposals')
      .set('content-type', 'text/plain')
      .send('entityRef=component:default/pipeline-service');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      error: {
        name: 'UnsupportedMediaTypeError',
        message:
          'The request body must be JSON (Content-Type: application/json), not text/plain',
      },
      response: { statusCode: 415 },
    });
    expect(await store.list()).toEqual([]);
  });

  it('returns 413 for a body over 100 KiB and 400 for malformed JSON', async () => {
    const { server } = await setup();
    const large = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'setOwner', owner: 'x'.repeat(200 * 1024) },
      });
    expect(large.status).toBe(413);
    expect(large.body.error.name).toBe('PayloadTooLargeError');
    const malformed = await request(server)
      .post('/proposals')
      .set('content-type', 'application/json')
      .send('{"entityRef": ');
    expect(malformed.status).toBe(400);
  });

  it('maps GitHub errors to 502 with GitHub’s message', async () => {
    const { server } = await setup();
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/missing-repo',
        edit: { type: 'setOwner', owner: 'platform' },
      });
    expect(res.status).toBe(502);
    expect(res.body.error.message).toBe(
      'GitHub failed to read repository dataflow/gone (HTTP 404): Not Found',
    );
  });

  it('maps a branch that already exists to 502 and opens no pull request', async () => {
    const { server } = await setup();
    const edit = { type: 'addConsumes', topicRef: 'connector-configured' };
    const body = { entityRef: 'component:default/pipeline-service', edit };
    expect((await request(server).post('/proposals').send(body)).status).toBe(
      201,
    );
    // The same short id again: GitHub refuses to create the branch twice.
    const again = await request(server)
      .post('/proposals')
      .send({ ...body, edit: { ...edit, topicRef: 'other-topic' } });
    expect(again.status).toBe(502);
    expect(again.body.error.message).toBe(
      'GitHub failed to create branch strata/addConsumes-pipeline-service-a1b2c3 (HTTP 422): Reference already exists',
    );
    expect(github.pulls('dataflow', 'pipeline-service')).toHaveLength(1);
  });

  it('returns 409 and opens nothing when the file does not declare the entity', async () => {
    const { server } = await setup();
    github.addRepo({
      owner: 'dataflow',
      name: 'pipeline-service',
      files: { 'catalog-info.yaml': CATALOG_INFO, 'other.yaml': CATALOG_INFO },
    });
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/elsewhere',
        edit: { type: 'setOwner', owner: 'platform' },
      });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /component:default\/elsewhere is not declared in this file/,
    );
    expect(github.branches('dataflow', 'pipeline-service')).toEqual(['main']);
  });

  it('returns 422 and opens nothing when the file has a shape the edit cannot change', async () => {
    const { server } = await setup();
    github.addRepo({
      owner: 'dataflow',
      name: 'pipeline-service',
      files: {
        'catalog-info.yaml': CATALOG_INFO.replace(
          '  produces:\n    - resource:default/pipeline-run-created\n',
          '  produces: resource:default/pipeline-run-created\n',
        ),
      },
    });
    const res = await request(server)
      .post('/proposals')
      .send({
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'addProduces', topicRef: 'pipeline-run-done' },
      });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      name: 'ProposalRejectedError',
      message:
        'spec.produces of component:default/pipeline-service is not a list',
      violations: [],
    });
    expect(github.branches('dataflow', 'pipeline-service')).toEqual(['main']);
  });

  describe('setSpecField', () => {
    it('replaces the tier of a service and says so in the pull request', async () => {
      const { server, store } = await setup();
      const edit = { type: 'setSpecField', path: 'spec.tier', value: 2 };
      const res = await request(server)
        .post('/proposals')
        .send({ entityRef: 'component:default/pipeline-service', edit });

      expect(res.status).toBe(201);
      expect(res.body.branch).toBe(
        'strata/setSpecField-pipeline-service-a1b2c3',
      );
      expect(
        github.file(
          'dataflow',
          'pipeline-service',
          res.body.branch,
          'catalog-info.yaml',
        ),
      ).toBe(CATALOG_INFO.replace('  tier: 1\n', '  tier: 2\n'));
      const [pull] = github.pulls('dataflow', 'pipeline-service');
      expect(pull.title).toBe(
        'component:default/pipeline-service: set tier to 2',
      );
      expect(pull.body).toContain('- **Field:** `spec.tier`');
      expect(store.items).toEqual([expect.objectContaining({ edit })]);
      // The recorded edit is listed in the spec's shape (wrapServer checks the response).
      const list = await request(server).get('/proposals');
      expect(list.status).toBe(200);
      expect(list.body.items[0].edit).toEqual(edit);
    });

    it('adds the engine of a database Resource in its multi-document file', async () => {
      const { server } = await setup();
      github.addRepo({
        owner: 'dataflow',
        name: 'pipeline-service',
        files: {
          'catalog-info.yaml': CATALOG_INFO,
          'catalog/stores.yaml': STORES,
        },
      });
      const res = await request(server)
        .post('/proposals')
        .send({
          entityRef: 'resource:default/pipeline-db',
          edit: {
            type: 'setSpecField',
            path: 'spec.engine',
            value: 'postgresql',
          },
        });

      expect(res.status).toBe(201);
      expect(
        github.file(
          'dataflow',
          'pipeline-service',
          res.body.branch,
          'catalog/stores.yaml',
        ),
      ).toBe(`${STORES}  engine: postgresql\n`);
      expect(github.pulls('dataflow', 'pipeline-service')[0].title).toBe(
        'resource:default/pipeline-db: set database engine to postgresql',
      );
    });

    it('returns 422 with the service model’s message for a value it refuses, and opens nothing', async () => {
      const { server, store } = await setup();
      const res = await request(server)
        .post('/proposals')
        .send({
          entityRef: 'component:default/pipeline-service',
          edit: { type: 'setSpecField', path: 'spec.tier', value: 4 },
        });

      expect(res.status).toBe(422);
      expect(res.body.error).toEqual({
        name: 'ProposalRejectedError',
        message:
          'spec.tier: must be the integer 1, 2 or 3, got 4 (fix: Use 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).)',
        violations: [],
      });
      expect(github.branches('dataflow', 'pipeline-service')).toEqual(['main']);
      expect(store.items).toEqual([]);
    });

    it('returns 422 for a field the entity does not carry', async () => {
      const { server } = await setup();
      const res = await request(server)
        .post('/proposals')
        .send({
          entityRef: 'component:default/pipeline-service',
          edit: {
            type: 'setSpecField',
            path: 'spec.engine',
            value: 'postgresql',
          },
        });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toBe(
        'spec.engine is not part of the service model of component:default/pipeline-service (Component of type service); it belongs to resource entities',
      );
    });

    it('returns 409 when the file already has the value', async () => {
      const { server } = await setup();
      const res = await request(server)
        .post('/proposals')
        .send({
          entityRef: 'component:default/pipeline-service',
          edit: { type: 'setSpecField', path: 'spec.tier', value: 1 },
        });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe(
        'spec.tier of component:default/pipeline-service is already 1',
      );
    });

    it('returns 400 for a path or a value the spec does not allow', async () => {
      const { server } = await setup();
      for (const edit of [
        { type: 'setSpecField', path: 'spec.owner', value: 'platform' },
        { type: 'setSpecField', path: 'spec.tier', value: { tier: 2 } },
        { type: 'setSpecField', path: 'spec.tier' },
      ]) {
        const res = await request(server)
          .post('/proposals')
          .send({ entityRef: 'component:default/pipeline-service', edit });
        expect(res.status).toBe(400);
      }
      expect(github.branches('dataflow', 'pipeline-service')).toEqual(['main']);
    });
  });
});
