import { database, queue, topic, without } from '../__testUtils__/entities';
import { messagingSchemaRule } from './messagingSchema';

describe('messagingSchemaRule', () => {
  it('accepts an API ref with or without kind', () => {
    expect(messagingSchemaRule.check(topic())).toEqual([]);
    expect(
      messagingSchemaRule.check(queue({ schema: 'etl-task-queue' })),
    ).toEqual([]);
    expect(
      messagingSchemaRule.check(
        topic({ schema: 'API:default/pipeline-events' }),
      ),
    ).toEqual([]);
  });

  it('requires a schema', () => {
    expect(messagingSchemaRule.check(without(queue(), 'schema'))).toEqual([
      expect.objectContaining({
        rule: 'messaging-schema',
        path: 'spec.schema',
        message:
          'is required for a rabbitmq-queue: the AsyncAPI API describing its messages',
      }),
    ]);
  });

  it('rejects refs to other kinds and non-strings', () => {
    expect(
      messagingSchemaRule.check(topic({ schema: 'resource:default/x' })),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.schema',
        message:
          '"resource:default/x" has kind "resource"; it must be an API ref',
      }),
    ]);
    expect(messagingSchemaRule.check(topic({ schema: ['a'] }))).toHaveLength(1);
  });

  it('ignores other resources', () => {
    expect(messagingSchemaRule.check(database())).toEqual([]);
  });
});
