/**
 * Publishes an event to `${{ values.producesTopic }}` for every item created
 * (schema: asyncapi.yaml). The item's insert waits for Kafka to acknowledge the
 * event and is rolled back when it cannot be published, so consumers never miss
 * an item; the client gets 503 and may retry.
 */
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { ServiceUnavailableError } from '../errors';
import type { Item } from '../items/item';
import { errorMessage, type Logger } from '../log';

export const PRODUCED_TOPIC = '${{ values.producesTopic }}';

export type ItemCreatedEvent = {
  type: 'item.created';
  id: number;
  name: string;
  createdAt: string;
};

/** The Kafka message for a new item, keyed by id so its events stay in order. */
export function itemCreatedMessage(item: Item): Message {
  const event: ItemCreatedEvent = {
    type: 'item.created',
    id: item.id,
    name: item.name,
    createdAt: item.createdAt,
  };
  return { key: String(item.id), value: JSON.stringify(event) };
}

export class ItemEventPublisher {
  private connected = false;

  constructor(
    private readonly producer: Pick<Producer, 'send' | 'connect' | 'disconnect'>,
    private readonly logger: Logger,
    private readonly topic = PRODUCED_TOPIC,
  ) {}

  static create(kafka: Kafka, logger: Logger): ItemEventPublisher {
    const producer = kafka.producer({
      allowAutoTopicCreation: false,
      // The partitioner kafkajs 2 defaults to; naming it silences its warning.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    return new ItemEventPublisher(producer, logger);
  }

  isConnected(): boolean {
    return this.connected;
  }

  /**
   * Connects in the background, retrying: the service starts and serves reads
   * while Kafka is unreachable; readiness reports the producer's state.
   */
  connectInBackground(retryMs = 10_000): void {
    const attempt = async (): Promise<void> => {
      try {
        await this.producer.connect();
        this.connected = true;
        this.logger.info('kafka producer connected', { topic: this.topic });
      } catch (error) {
        this.logger.warn('kafka producer cannot connect; retrying', {
          error: errorMessage(error),
          retryMs,
        });
        setTimeout(attempt, retryMs).unref();
      }
    };
    void attempt();
  }

  async publishItemCreated(item: Item): Promise<void> {
    try {
      await this.producer.send({ topic: this.topic, messages: [itemCreatedMessage(item)] });
    } catch (error) {
      throw new ServiceUnavailableError(
        `cannot publish to ${this.topic}: ${errorMessage(error)}`,
      );
    }
  }

  async disconnect(): Promise<void> {
    this.connected = false;
    await this.producer.disconnect();
  }
}
