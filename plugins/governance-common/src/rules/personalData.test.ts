import { database, group, service, topic } from '../__testUtils__/catalog';
import { findingsOf } from '../__testUtils__/evaluate';

const deletion = topic('user-deletion-requested', { topic: 'user.deletion_requested' });

describe('personal-data-without-erasure', () => {
  it('is clean when the service consumes the deletion topic, or its data is not personal', async () => {
    const findings = await findingsOf('personal-data-without-erasure', [
      group('team-a'),
      deletion,
      database('users-db', { personalData: true }),
      database('metrics-db', { personalData: false }),
      database('undeclared-db'),
      service('accounts', {
        dependsOn: ['resource:users-db'],
        consumes: ['user-deletion-requested'],
      }),
      service('metrics', { dependsOn: ['resource:metrics-db', 'resource:undeclared-db'] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('reports a service on a personal-data database that does not consume the topic', async () => {
    const findings = await findingsOf('personal-data-without-erasure', [
      group('team-a'),
      deletion,
      database('users-db', { personalData: true }),
      database('crm-db', { personalData: true }),
      service('crm', { dependsOn: ['resource:users-db', 'resource:crm-db'] }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        key: 'personal-data-without-erasure:component:default/crm,resource:default/crm-db,resource:default/users-db',
        severity: 'error',
        entityRefs: [
          'component:default/crm',
          'resource:default/crm-db',
          'resource:default/users-db',
        ],
        message:
          'crm uses crm-db and users-db, which hold personal data, but does not consume user.deletion_requested',
        fix: expect.stringContaining('add `user-deletion-requested` to its spec.consumes'),
      }),
    ]);
  });

  it('does not ask the producer of the deletion topic to consume it', async () => {
    const findings = await findingsOf('personal-data-without-erasure', [
      group('team-a'),
      deletion,
      database('users-db', { personalData: true }),
      service('users', {
        dependsOn: ['resource:users-db'],
        produces: ['user-deletion-requested'],
      }),
    ]);
    expect(findings).toEqual([]);
  });

  it('finds the topic by the configured broker name or ref, and says when it is not in the catalog', async () => {
    const entities = [
      group('team-a'),
      topic('gdpr-erase', { topic: 'gdpr.erase' }),
      database('users-db', { personalData: true }),
      service('accounts', { dependsOn: ['resource:users-db'], consumes: ['gdpr-erase'] }),
    ];
    expect(
      await findingsOf('personal-data-without-erasure', entities, {
        options: { userDeletionTopic: 'gdpr.erase' },
      }),
    ).toEqual([]);
    expect(
      await findingsOf('personal-data-without-erasure', entities, {
        options: { userDeletionTopic: 'resource:default/gdpr-erase' },
      }),
    ).toEqual([]);
    const [missing] = await findingsOf('personal-data-without-erasure', entities);
    expect(missing.message).toBe(
      'accounts uses users-db, which holds personal data, but does not consume user.deletion_requested (not in the catalog)',
    );
    expect(missing.fix).toContain('governance.rules.userDeletionTopic');
  });
});
