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

  it('does not reject a missing schema: it recommends one', () => {
    expect(messagingSchemaRule.check(without(queue(), 'schema'))).toEqual([]);
    expect(messagingSchemaRule.recommend!(without(queue(), 'schema'))).toEqual(
      [
        {
          rule: 'messaging-schema',
          path: 'spec.schema',
          message: 'No message schema',
          why: expect.stringContaining('AsyncAPI'),
          fix: expect.stringContaining('schema: api:default/pipeline-events'),
        },
      ],
    );
    expect(messagingSchemaRule.recommend!(topic())).toEqual([]);
    expect(messagingSchemaRule.recommend!(topic({ schema: 7 }))).toEqual([]);
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
    expect(messagingSchemaRule.recommend!(database())).toEqual([]);
  });
});
