import { database, queue, topic, without } from '../__testUtils__/entities';
import { messagingTopicRule } from './messagingTopic';

describe('messagingTopicRule', () => {
  it('accepts a topic and a queue with their broker names', () => {
    expect(messagingTopicRule.check(topic())).toEqual([]);
    expect(messagingTopicRule.check(queue())).toEqual([]);
  });

  it('requires the name, suggesting the title', () => {
    expect(messagingTopicRule.check(without(topic(), 'topic'))).toEqual([
      {
        rule: 'messaging-topic',
        path: 'spec.topic',
        message:
          'is required for a kafka-topic: the Kafka topic name on the broker',
        fix: 'Add `topic: pipeline.run.created` under spec.',
      },
    ]);
    expect(messagingTopicRule.check(without(queue(), 'topic'))[0].message).toBe(
      'is required for a rabbitmq-queue: the queue name on the broker',
    );
  });

  it.each(['', '  ', 12, ['a']])('rejects %p', value => {
    const [violation] = messagingTopicRule.check(topic({ topic: value }));
    expect(violation.path).toBe('spec.topic');
    expect(violation.message).toMatch(/non-empty string/);
  });

  it('ignores other resources', () => {
    expect(messagingTopicRule.check(database())).toEqual([]);
  });
});
