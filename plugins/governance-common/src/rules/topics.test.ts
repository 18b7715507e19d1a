import { group, service, topic } from '../__testUtils__/catalog';
import { findingsOf } from '../__testUtils__/evaluate';

const t = (name: string, ns = 'default') => `resource:${ns}/${name}`;

describe('topic-without-consumer and topic-without-producer', () => {
  it('is clean when every topic has a producer and a consumer', async () => {
    const entities = [
      group('team-a'),
      topic('orders-created', { topic: 'orders.created' }),
      service('orders', { produces: ['orders-created'] }),
      service('mailer', { consumes: ['orders-created'] }),
    ];
    expect(await findingsOf('topic-without-consumer', entities)).toEqual([]);
    expect(await findingsOf('topic-without-producer', entities)).toEqual([]);
  });

  it('reports a topic nobody consumes, with its producer and broker name', async () => {
    const findings = await findingsOf('topic-without-consumer', [
      group('team-a'),
      topic('orders-created', { topic: 'orders.created' }),
      service('orders', { produces: ['orders-created'] }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        key: `topic-without-consumer:${t('orders-created')}`,
        severity: 'info',
        entityRefs: [t('orders-created'), 'component:default/orders'],
        message: 'orders.created (orders-created) is produced by orders but nothing consumes it',
      }),
    ]);
  });

  it('reports a topic nobody produces, with its consumers', async () => {
    const findings = await findingsOf('topic-without-producer', [
      group('team-a'),
      topic('orders-created'),
      service('mailer', { consumes: ['orders-created'] }),
      service('search', { consumes: ['resource:orders-created'] }),
    ]);
    expect(findings.map(f => [f.key, f.message])).toEqual([
      [
        `topic-without-producer:${t('orders-created')}`,
        'orders-created is consumed by mailer and search but nothing produces it',
      ],
    ]);
  });

  it('counts a consumer in another namespace (near miss)', async () => {
    const entities = [
      group('team-a'),
      topic('orders-created'),
      service('orders', { produces: ['orders-created'] }),
      service('ledger', {
        namespace: 'finance',
        consumes: ['resource:default/orders-created'],
      }),
    ];
    expect(await findingsOf('topic-without-consumer', entities)).toEqual([]);
    expect(await findingsOf('topic-without-producer', entities)).toEqual([]);
  });

  it('gives an orphan topic both findings, and a job producing counts as a producer', async () => {
    const entities = [
      group('team-a'),
      topic('orphan'),
      topic('exports'),
      service('exporter', { type: 'job', produces: ['exports'] }),
      service('importer', { consumes: ['exports'] }),
    ];
    expect((await findingsOf('topic-without-consumer', entities)).map(f => f.message)).toEqual([
      'orphan has no consumer (and no producer)',
    ]);
    expect((await findingsOf('topic-without-producer', entities)).map(f => f.message)).toEqual([
      'orphan has no producer (and no consumer)',
    ]);
  });
});
