import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GithubPushRefresher } from './GithubPushRefresher';
import { pushPayload } from './tests/pushPayload';

describe('GithubPushRefresher', () => {
  const setup = () => {
    const refresh = jest.fn(async () => {});
    const refresher = new GithubPushRefresher({
      providers: [
        {
          id: 'dataflow',
          organization: 'dataflow',
          host: 'github.com',
          catalogPath: 'catalog-info.yaml',
          branch: 'main',
        },
      ],
      catalog: catalogServiceMock.mock({
        getLocationByRef: async () => undefined,
      }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    return { refresher, refresh };
  };
  const payload = (branch: string) =>
    pushPayload({
      owner: 'dataflow',
      repo: 'billing',
      branch,
      after: 'a'.repeat(40),
      commits: [
        { modified: ['catalog-info.yaml'] },
        { added: ['docs/api.yaml'], removed: ['old.yaml'] },
      ],
    });

  it('refreshes the keys of every file the push touched on a tracked branch', async () => {
    const { refresher, refresh } = setup();
    await refresher.connect({ refresh, applyMutation: jest.fn() });
    const outcome = await refresher.onEvent({
      topic: 'github.push',
      eventPayload: payload('main'),
    });
    expect(outcome).toEqual({
      kind: 'refreshed',
      repository: 'https://github.com/dataflow/billing',
      branch: 'main',
      commit: 'a'.repeat(40),
      refreshKeys: 6,
      unregistered: [],
    });
    const base = 'url:https://github.com/dataflow/billing';
    expect(refresh).toHaveBeenCalledWith({
      keys: expect.arrayContaining([
        `${base}/blob/main/catalog-info.yaml`,
        `${base}/tree/main/catalog-info.yaml`,
        `${base}/blob/main/docs/api.yaml`,
        `${base}/blob/main/old.yaml`,
      ]),
    });
  });

  it('ignores another branch, a tag, and a delivery it handled already', async () => {
    const { refresher, refresh } = setup();
    await refresher.connect({ refresh, applyMutation: jest.fn() });
    expect(
      await refresher.onEvent({
        topic: 'github.push',
        eventPayload: payload('feature/x'),
      }),
    ).toMatchObject({ kind: 'ignored' });
    expect(
      await refresher.onEvent({
        topic: 'github.push',
        eventPayload: { ...payload('main'), ref: 'refs/tags/main' },
      }),
    ).toMatchObject({ kind: 'ignored' });
    expect(refresh).not.toHaveBeenCalled();

    const metadata = { 'x-github-delivery': 'd-1' };
    const event = {
      topic: 'github.push',
      eventPayload: payload('main'),
      metadata,
    };
    expect(await refresher.onEvent(event)).toMatchObject({ kind: 'refreshed' });
    expect(await refresher.onEvent(event)).toEqual({
      kind: 'ignored',
      reason: 'delivery d-1 was handled already',
    });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('says what it got when the payload is not a push', async () => {
    const { refresher, refresh } = setup();
    await refresher.connect({ refresh, applyMutation: jest.fn() });
    expect(
      await refresher.onEvent({ topic: 'github.push', eventPayload: {} }),
    ).toEqual({
      kind: 'ignored',
      reason: 'not a push payload (no repository or commits)',
    });
  });
});
