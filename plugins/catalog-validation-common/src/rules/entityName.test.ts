import { component } from '../testUtils';
import { entityNameRule } from './entityName';

describe('entity-name', () => {
  it.each(['svc', 'A_b.c-9', 'x'.repeat(63)])('accepts %s', name => {
    expect(entityNameRule.check(component({ metadata: { name } }))).toEqual([]);
  });

  it.each(['-svc', 'svc-', 'my svc', 'a/b', 'x'.repeat(64)])(
    'rejects %s',
    name => {
      expect(entityNameRule.check(component({ metadata: { name } }))).toEqual([
        expect.objectContaining({ path: ['metadata', 'name'] }),
      ]);
    },
  );

  it('shortens long names in the message', () => {
    const [finding] = entityNameRule.check(
      component({ metadata: { name: 'a'.repeat(300) } }),
    );
    expect(finding.message).toBe(
      `Invalid entity name "${'a'.repeat(40)}…" (300 characters)`,
    );
  });
});
