import { database, group, service } from '../__testUtils__/catalog';
import { findingsOf } from '../__testUtils__/evaluate';

describe('shared-database', () => {
  it('is clean when each database has one service', async () => {
    const findings = await findingsOf('shared-database', [
      group('team-a'),
      database('a-db'),
      database('b-db'),
      service('a', { dependsOn: ['resource:a-db'] }),
      service('b', { dependsOn: ['resource:b-db'] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('reports a database two services depend on, once, with both', async () => {
    const findings = await findingsOf('shared-database', [
      group('team-a'),
      group('team-b'),
      database('orders-db'),
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('invoices', {
        owner: 'group:team-b',
        dependsOn: ['resource:default/orders-db'],
      }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: 'shared-database:component:default/invoices,component:default/orders,resource:default/orders-db',
      severity: 'error',
      entityRefs: [
        'resource:default/orders-db',
        'component:default/invoices',
        'component:default/orders',
      ],
      message: 'orders-db is used by 2 services: invoices and orders',
      owners: ['group:default/team-a', 'group:default/team-b'],
    });
  });

  it('does not count a job that reads the database as a second service (near miss)', async () => {
    const findings = await findingsOf('shared-database', [
      group('team-a'),
      database('orders-db'),
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('nightly-export', { type: 'job', dependsOn: ['resource:orders-db'] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('finds services in other namespaces and names them with it', async () => {
    const findings = await findingsOf('shared-database', [
      group('team-a'),
      database('orders-db'),
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('legacy', {
        namespace: 'finance',
        dependsOn: ['resource:default/orders-db'],
      }),
    ]);
    expect(findings.map(f => [f.message, f.namespaces])).toEqual([
      ['orders-db is used by 2 services: orders and finance/legacy', ['default', 'finance']],
    ]);
  });

  it('keeps its key when an unrelated entity changes', async () => {
    const base = [
      group('team-a'),
      database('orders-db'),
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('invoices', { dependsOn: ['resource:orders-db'] }),
    ];
    const [before] = await findingsOf('shared-database', base);
    const [after] = await findingsOf('shared-database', [
      ...base,
      service('unrelated', { dependsOn: ['resource:other-db'] }),
      database('other-db'),
    ]);
    expect(after.key).toBe(before.key);
  });
});
