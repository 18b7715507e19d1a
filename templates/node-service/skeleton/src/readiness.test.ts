import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReadiness } from './readiness';

const up = (name: string, required = true) => ({ name, required, check: async () => {} });
const down = (name: string, reason: string, required = true) => ({
  name,
  required,
  check: async () => {
    throw new Error(reason);
  },
});

describe('checkReadiness', () => {
  it('is ready when every dependency answers', async () => {
    const readiness = await checkReadiness([up('database')]);
    assert.deepEqual(readiness, { ready: true, checks: { database: { ok: true, required: true } } });
  });

  it('is not ready when a required dependency fails, and says why', async () => {
    const readiness = await checkReadiness([down('database', 'connection refused')]);
    assert.equal(readiness.ready, false);
    assert.equal(readiness.checks.database.reason, 'connection refused');
  });

  it('stays ready when only an optional dependency fails', async () => {
    const readiness = await checkReadiness([up('database'), down('kafka', 'no broker', false)]);
    assert.equal(readiness.ready, true);
    assert.deepEqual(readiness.checks.kafka, { ok: false, required: false, reason: 'no broker' });
  });

  it('gives up on a dependency that does not answer in time', async () => {
    const hanging = { name: 'database', required: true, check: () => new Promise<void>(() => {}) };
    const readiness = await checkReadiness([hanging], 20);
    assert.equal(readiness.ready, false);
    assert.match(readiness.checks.database.reason ?? '', /no answer within 20 ms/);
  });
});
