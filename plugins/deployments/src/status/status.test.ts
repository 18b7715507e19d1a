import {
  cluster,
  crashLoopingWorker,
  healthyBilling,
} from '../__fixtures__/status';
import {
  clusterHasProblems,
  clustersProblemsFirst,
  problemsErrorsFirst,
  workloadsProblemsFirst,
} from './order';
import { clusterStateWords, clusterTitle } from './words';

describe('problems first', () => {
  it('puts crash-looping workloads before healthy ones, keeping order otherwise', () => {
    const other = { ...healthyBilling, name: 'billing-api' };
    expect(
      workloadsProblemsFirst([healthyBilling, crashLoopingWorker, other]).map(
        w => w.name,
      ),
    ).toEqual(['billing-worker', 'billing', 'billing-api']);
  });

  it('puts errors before warnings', () => {
    expect(
      problemsErrorsFirst(crashLoopingWorker.problems).map(p => p.kind),
    ).toEqual(['crash-loop', 'warning-event']);
  });

  it('orders clusters: unreadable, failing, warning, syncing, healthy', () => {
    const warningOnly = {
      ...healthyBilling,
      problems: [{ ...crashLoopingWorker.problems[0] }],
    };
    const ordered = clustersProblemsFirst([
      cluster({ cluster: 'healthy', workloads: [healthyBilling] }),
      cluster({ cluster: 'syncing', state: 'syncing' }),
      cluster({ cluster: 'warning', workloads: [warningOnly] }),
      cluster({
        cluster: 'failing',
        workloads: [healthyBilling, crashLoopingWorker],
      }),
      cluster({ cluster: 'refused', state: 'forbidden', error: '403: …' }),
    ]);
    expect(ordered.map(c => c.cluster)).toEqual([
      'refused',
      'failing',
      'warning',
      'syncing',
      'healthy',
    ]);
  });

  it('knows whether a cluster needs attention', () => {
    expect(
      clusterHasProblems(
        cluster({ cluster: 'a', workloads: [healthyBilling] }),
      ),
    ).toBe(false);
    expect(
      clusterHasProblems(
        cluster({ cluster: 'a', workloads: [crashLoopingWorker] }),
      ),
    ).toBe(true);
    expect(
      clusterHasProblems(cluster({ cluster: 'a', state: 'unreachable' })),
    ).toBe(true);
  });
});

describe('cluster words', () => {
  const now = new Date(2026, 10, 22, 9, 0);

  it('says since when a cluster is unreachable, and what to check', () => {
    const words = clusterStateWords(
      cluster({
        cluster: 'prod-us',
        state: 'unreachable',
        since: new Date(2026, 10, 22, 3, 12).toISOString(),
        error: 'connect ECONNREFUSED 10.0.0.1:6443',
      }),
      now,
    );
    expect(words).toEqual({
      headline: 'Unreachable since 03:12',
      hint: expect.stringContaining('kubernetes.clusterLocatorMethods'),
      severity: 'error',
    });
  });

  it('names refused access and refused credentials', () => {
    expect(
      clusterStateWords(cluster({ cluster: 'a', state: 'forbidden' }), now)
        ?.headline,
    ).toBe('Access denied');
    expect(
      clusterStateWords(
        cluster({ cluster: 'a', state: 'unauthenticated' }),
        now,
      )?.hint,
    ).toMatch(/token is wrong or expired/);
    expect(clusterStateWords(cluster({ cluster: 'a' }), now)).toBeUndefined();
  });

  it('titles a cluster by environment and name', () => {
    expect(
      clusterTitle(cluster({ cluster: 'prod-eu', environment: 'production' })),
    ).toBe('production (cluster prod-eu)');
    expect(clusterTitle(cluster({ cluster: 'staging' }))).toBe('staging');
  });
});
