/*
 * Which repository a proposal may target (the confused-deputy guard), through the HTTP API with
 * the real publisher and a fake GitHub that would accept the pull request: only the file the
 * catalog read the entity from, never an author-written annotation, and only organisations in
 * catalogEdits.github.allowedOrganizations when that is set.
 */
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogEditProposal } from '@internal/plugin-catalog-edits-common';
import express from 'express';
import request from 'supertest';
import { NewProposal, ProposalStore } from '../database/ProposalStore';
import { GithubPullRequestPublisher } from '../github/GithubPullRequestPublisher';
import { FakeGithub } from '../tests/fakeGithub';
import { ProposalService } from './ProposalService';
import { createRouter } from './router';

const catalogInfo = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: group:default/pipelines
`;

const github = (owner: string, repo: string) =>
  `url:https://github.com/${owner}/${repo}/blob/main/catalog-info.yaml`;

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'pipelines' },
  };
}

const ENTITIES = [
  // Registered from a file on the portal's disk; its author points source-location at a
  // repository whose file declares the same entity, so a pull request there would succeed.
  entity('hijack', {
    'backstage.io/managed-by-location': 'file:/srv/catalog/hijack.yaml',
    'backstage.io/managed-by-origin-location': 'file:/srv/catalog/all.yaml',
    'backstage.io/source-location': github('victim', 'payments'),
  }),
  // Read from GitHub, and its author also points source-location elsewhere.
  entity('pipeline-service', {
    'backstage.io/managed-by-location': github('dataflow', 'pipeline-service'),
    'backstage.io/managed-by-origin-location': github(
      'dataflow',
      'pipeline-service',
    ),
    'backstage.io/source-location': github('victim', 'payments'),
  }),
  // Read from GitHub, from an organisation outside the allow-list.
  entity('outsider', {
    'backstage.io/managed-by-location': github('outside', 'tools'),
    'backstage.io/managed-by-origin-location': github('outside', 'tools'),
  }),
];

class MemoryProposalStore implements ProposalStore {
  readonly items: CatalogEditProposal[] = [];
  async add(p: NewProposal) {
    const proposal = { ...p, id: '1', createdAt: new Date(0).toISOString() };
    this.items.push(proposal);
    return proposal;
  }
  async list() {
    return this.items;
  }
}

describe('which repository a proposal targets', () => {
  const fake = new FakeGithub({ token: 'ghp_test' });
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await fake.start();
  });
  afterAll(() => fake.stop());

  async function setup(catalogEdits?: object) {
    fake.addRepo({
      owner: 'dataflow',
      name: 'pipeline-service',
      files: { 'catalog-info.yaml': catalogInfo('pipeline-service') },
    });
    fake.addRepo({
      owner: 'victim',
      name: 'payments',
      files: {
        'catalog-info.yaml': `${catalogInfo('hijack')}---\n${catalogInfo(
          'payments',
        )}`,
      },
    });
    fake.addRepo({
      owner: 'outside',
      name: 'tools',
      files: { 'catalog-info.yaml': catalogInfo('outsider') },
    });
    fake.requests.length = 0;
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
    const store = new MemoryProposalStore();
    const config = new ConfigReader({
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: baseUrl, token: 'ghp_test' },
        ],
      },
      ...(catalogEdits ? { catalogEdits } : {}),
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
        defaultCredentials: mockCredentials.user('user:default/mallory'),
      }),
      permissions,
      service,
      store,
    });
    const app = express().use(router).use(mockErrorHandler());
    const propose = (name: string) =>
      request(app)
        .post('/proposals')
        .send({
          entityRef: `component:default/${name}`,
          edit: { type: 'setOwner', owner: 'group:default/mallory' },
        });
    return { propose, store };
  }

  const untouched = (owner: string, repo: string) => {
    expect(fake.branches(owner, repo)).toEqual(['main']);
    expect(fake.pulls(owner, repo)).toEqual([]);
  };

  it('refuses an entity read from a file: location whose source-location points at GitHub, without a request to GitHub', async () => {
    const { propose, store } = await setup();
    const res = await propose('hijack');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Cannot propose an edit to component:default/hijack: this entity was not read from GitHub ' +
        '(read from file:/srv/catalog/hijack.yaml), so there is no repository to open a pull request against',
    );
    expect(fake.requests).toEqual([]);
    untouched('victim', 'payments');
    expect(store.items).toEqual([]);
  });

  it('opens the pull request on the repository the catalog read, not the one source-location names', async () => {
    const { propose, store } = await setup({
      github: { allowedOrganizations: ['DataFlow'] },
    });
    const res = await propose('pipeline-service');
    expect(res.status).toBe(201);
    expect(res.body.pullRequestUrl).toBe(
      'https://github.com/dataflow/pipeline-service/pull/1',
    );
    expect(fake.pulls('dataflow', 'pipeline-service')).toHaveLength(1);
    expect(
      fake.requests.every(r => r.path.startsWith('/repos/dataflow/')),
    ).toBe(true);
    untouched('victim', 'payments');
    expect(store.items).toHaveLength(1);
  });

  it('refuses an organisation outside catalogEdits.github.allowedOrganizations with 422, without a request to GitHub', async () => {
    const { propose, store } = await setup({
      github: { allowedOrganizations: ['dataflow', 'dataflow-systems'] },
    });
    const res = await propose('outsider');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe(
      'Cannot propose an edit to component:default/outsider: its file is in outside/tools on github.com, ' +
        'and outside is not one of catalogEdits.github.allowedOrganizations (dataflow, dataflow-systems)',
    );
    expect(fake.requests).toEqual([]);
    untouched('outside', 'tools');
    expect(store.items).toEqual([]);
  });

  it('refuses every organisation when the allow-list is empty', async () => {
    const { propose } = await setup({ github: { allowedOrganizations: [] } });
    const res = await propose('pipeline-service');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(
      /dataflow is not one of catalogEdits\.github\.allowedOrganizations \(empty\)$/,
    );
    expect(fake.requests).toEqual([]);
  });

  it('allows any organisation when no allow-list is configured', async () => {
    const { propose } = await setup();
    const res = await propose('outsider');
    expect(res.status).toBe(201);
    expect(fake.pulls('outside', 'tools')).toHaveLength(1);
  });
});

describe('GithubPullRequestPublisher allow-list', () => {
  const publisher = GithubPullRequestPublisher.fromConfig(
    new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: 't' }] },
      catalogEdits: { github: { allowedOrganizations: ['dataflow'] } },
    }),
  );
  const file = (owner: string, host = 'github.com') => ({
    url: `https://${host}/${owner}/r/blob/main/catalog-info.yaml`,
    host,
    owner,
    repo: 'r',
    branch: 'main',
    path: 'catalog-info.yaml',
  });

  it('compares owners case-insensitively, as GitHub does', () => {
    expect(publisher.refusal(file('DataFlow'))).toBeUndefined();
    expect(publisher.refusal(file('dataflow-evil'))).toMatchObject({
      reason: 'organization-not-allowed',
    });
  });

  it('refuses a host without a GitHub integration before the allow-list', () => {
    expect(publisher.refusal(file('dataflow', 'ghe.example.com'))).toEqual({
      reason: 'no-integration',
      message:
        'it is read from ghe.example.com, which has no GitHub integration configured (integrations.github)',
    });
  });

  it('refuses in publish() too, so no caller can spend the token outside the allow-list', async () => {
    await expect(
      publisher.publish({
        file: file('outside'),
        branch: 'b',
        commitMessage: 'm',
        title: 't',
        body: 'b',
        change: text => text,
      }),
    ).rejects.toThrow(
      'Cannot open a pull request: its file is in outside/r on github.com, and outside is not one of catalogEdits.github.allowedOrganizations (dataflow)',
    );
  });
});
