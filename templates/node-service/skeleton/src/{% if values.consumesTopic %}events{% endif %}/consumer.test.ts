import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Logger, LogFields } from '../log';
import { CONSUMED_TOPIC, decodeEvent, handleEvent } from './consumer';

describe('decodeEvent', () => {
  it('reads the key and the type of a JSON event', () => {
    const event = decodeEvent({
      key: Buffer.from('run-1'),
      value: Buffer.from(JSON.stringify({ type: 'run.completed', rows: 3 })),
    });
    assert.deepEqual(event, {
      key: 'run-1',
      type: 'run.completed',
      payload: { type: 'run.completed', rows: 3 },
    });
  });

  it('keeps a value that is not JSON as text', () => {
    const event = decodeEvent({ key: null, value: Buffer.from('plain text') });
    assert.deepEqual(event, { key: undefined, type: 'unknown', payload: 'plain text' });
  });
});

describe('handleEvent', () => {
  it('logs the event with its topic', async () => {
    const lines: Array<[string, LogFields | undefined]> = [];
    const logger: Logger = {
      info: (message, fields) => lines.push([message, fields]),
      warn() {},
      error() {},
    };
    await handleEvent({ key: 'k', type: 'run.completed', payload: {} }, logger);
    assert.deepEqual(lines, [
      ['event received', { topic: CONSUMED_TOPIC, key: 'k', type: 'run.completed' }],
    ]);
  });
});
