import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceUnavailableError } from '../errors';
import type { Logger } from '../log';
import { ItemEventPublisher, itemCreatedMessage, PRODUCED_TOPIC } from './producer';

const silent: Logger = { info() {}, warn() {}, error() {} };
const item = { id: 7, name: 'first', createdAt: '2026-01-01T00:00:00.000Z' };

describe('itemCreatedMessage', () => {
  it('is keyed by the item id and carries the event as JSON', () => {
    const message = itemCreatedMessage(item);
    assert.equal(message.key, '7');
    assert.deepEqual(JSON.parse(String(message.value)), { type: 'item.created', ...item });
  });
});

describe('ItemEventPublisher', () => {
  it('sends the event to the produced topic', async () => {
    const sent: unknown[] = [];
    const producer = {
      send: async (record: unknown) => {
        sent.push(record);
        return [];
      },
      connect: async () => {},
      disconnect: async () => {},
    };
    await new ItemEventPublisher(producer, silent).publishItemCreated(item);
    assert.deepEqual(sent, [{ topic: PRODUCED_TOPIC, messages: [itemCreatedMessage(item)] }]);
  });

  it('reports a failed send as ServiceUnavailableError so the insert is rolled back', async () => {
    const producer = {
      send: async () => {
        throw new Error('The producer is disconnected');
      },
      connect: async () => {},
      disconnect: async () => {},
    };
    await assert.rejects(
      new ItemEventPublisher(producer, silent).publishItemCreated(item),
      (error: unknown) =>
        error instanceof ServiceUnavailableError && /producer is disconnected/.test(error.message),
    );
  });
});
