/**
 * Consumes `${{ values.consumesTopic }}`. Each message is handed to
 * `handleEvent`; put the service's reaction there. Offsets are committed after
 * the handler returns, so a crash re-delivers the message (handlers must be
 * idempotent).
 */
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { errorMessage, type Logger } from '../log';

export const CONSUMED_TOPIC = '${{ values.consumesTopic }}';

export type ReceivedEvent = {
  key: string | undefined;
  /** The event's `type` field when the value is a JSON object that has one. */
  type: string;
  payload: unknown;
};

/** Decodes a message; a value that is not JSON is kept as text. */
export function decodeEvent(message: Pick<KafkaMessage, 'key' | 'value'>): ReceivedEvent {
  const text = message.value?.toString('utf8') ?? '';
  let payload: unknown = text;
  try {
    payload = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  const type =
    typeof payload === 'object' && payload !== null && typeof (payload as { type?: unknown }).type === 'string'
      ? (payload as { type: string }).type
      : 'unknown';
  return { key: message.key?.toString('utf8'), type, payload };
}

export async function handleEvent(event: ReceivedEvent, logger: Logger): Promise<void> {
  logger.info('event received', { topic: CONSUMED_TOPIC, key: event.key, type: event.type });
}

export class EventConsumer {
  private connected = false;

  constructor(
    private readonly consumer: Pick<Consumer, 'connect' | 'subscribe' | 'run' | 'disconnect'>,
    private readonly logger: Logger,
  ) {}

  static create(kafka: Kafka, groupId: string, logger: Logger): EventConsumer {
    return new EventConsumer(kafka.consumer({ groupId }), logger);
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** Starts consuming in the background, retrying while Kafka is unreachable. */
  startInBackground(retryMs = 10_000): void {
    const attempt = async (): Promise<void> => {
      try {
        await this.consumer.connect();
        await this.consumer.subscribe({ topic: CONSUMED_TOPIC, fromBeginning: false });
        await this.consumer.run({
          eachMessage: async ({ message }) => handleEvent(decodeEvent(message), this.logger),
        });
        this.connected = true;
        this.logger.info('kafka consumer running', { topic: CONSUMED_TOPIC });
      } catch (error) {
        this.logger.warn('kafka consumer cannot start; retrying', {
          error: errorMessage(error),
          retryMs,
        });
        setTimeout(attempt, retryMs).unref();
      }
    };
    void attempt();
  }

  async stop(): Promise<void> {
    this.connected = false;
    await this.consumer.disconnect();
  }
}
