import { database, queue, topic, without } from '../__testUtils__/entities';
import { messagingTopicRule } from './messagingTopic';

describe('messagingTopicRule', () => {
  it('accepts a topic and a queue with their broker names', () => {
    expect(messagingTopicRule.check(topic())).toEqual([]);
    expect(messagingTopicRule.check(queue())).toEqual([]);
  });

  it('does not reject a missing name: it recommends it, suggesting the title', () => {
    expect(messagingTopicRule.check(without(topic(), 'topic'))).toEqual([]);
    expect(messagingTopicRule.recommend!(without(topic(), 'topic'))).toEqual([
      {
        rule: 'messaging-topic',
        path: 'spec.topic',
        message: 'No Kafka topic name',
        why: expect.stringContaining('lag'),
        fix: 'Add `topic: <kafka-topic-name>` under spec: the name on the broker.',
        suggestedValue: 'pipeline.run.created',
      },
    ]);
    expect(
      messagingTopicRule.recommend!(without(queue(), 'topic'))[0].message,
    ).toBe('No queue name');
  });

  it('suggests the entity name when there is no title', () => {
    const entity = without(topic(), 'topic');
    entity.metadata = { name: 'orders' };
    expect(messagingTopicRule.recommend!(entity)[0].suggestedValue).toBe(
      'orders',
    );
  });

  it.each(['', '  ', 12, ['a']])('rejects %p', value => {
    const [violation] = messagingTopicRule.check(topic({ topic: value }));
    expect(violation.path).toBe('spec.topic');
    expect(violation.message).toMatch(/non-empty string/);
  });

  it('recommends nothing when the name is set, even a wrong one', () => {
    expect(messagingTopicRule.recommend!(topic())).toEqual([]);
    expect(messagingTopicRule.recommend!(topic({ topic: '' }))).toEqual([]);
  });

  it('ignores other resources', () => {
    expect(messagingTopicRule.check(database())).toEqual([]);
    expect(messagingTopicRule.recommend!(database())).toEqual([]);
  });
});
