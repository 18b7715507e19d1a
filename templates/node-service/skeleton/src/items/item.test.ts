import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_NAME_LENGTH, parseNewItem } from './item';

describe('parseNewItem', () => {
  it('accepts a name and trims it', () => {
    assert.deepEqual(parseNewItem({ name: '  first ' }), { item: { name: 'first' } });
  });

  it('rejects bodies that are not objects', () => {
    for (const body of [undefined, null, 'first', ['first']]) {
      assert.deepEqual(parseNewItem(body), { error: 'the body must be a JSON object' });
    }
  });

  it('rejects a missing, blank or too long name', () => {
    assert.match(errorOf(parseNewItem({})), /non-empty string/);
    assert.match(errorOf(parseNewItem({ name: '   ' })), /non-empty string/);
    assert.match(errorOf(parseNewItem({ name: 'x'.repeat(MAX_NAME_LENGTH + 1) })), /at most/);
  });
});

function errorOf(result: ReturnType<typeof parseNewItem>): string {
  assert.ok('error' in result, 'expected an error');
  return result.error;
}
