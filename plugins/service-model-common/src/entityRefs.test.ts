import { kindOfRef, normalizeRef, tryNormalizeRef } from './entityRefs';

describe('normalizeRef', () => {
  it('writes every part out, in lower case', () => {
    expect(normalizeRef('Component:Default/X')).toBe('component:default/x');
    expect(normalizeRef('component:payments/Billing')).toBe(
      'component:payments/billing',
    );
  });

  it('makes refs that differ only in case the same ref, as the catalog compares them', () => {
    const spellings = [
      'group:default/team-a',
      'Group:Default/Team-A',
      'GROUP:DEFAULT/TEAM-A',
    ];
    expect(new Set(spellings.map(ref => normalizeRef(ref)))).toEqual(
      new Set(['group:default/team-a']),
    );
    expect(normalizeRef('Team-A', { defaultKind: 'Group' })).toBe(
      'group:default/team-a',
    );
  });

  it('fills in the default kind and namespace when the ref names none', () => {
    expect(normalizeRef('team-a', { defaultKind: 'Group' })).toBe(
      'group:default/team-a',
    );
    expect(
      normalizeRef('orders', {
        defaultKind: 'Resource',
        defaultNamespace: 'shop',
      }),
    ).toBe('resource:shop/orders');
    expect(normalizeRef('api:orders', { defaultKind: 'Resource' })).toBe(
      'api:default/orders',
    );
  });

  it('throws on what is not a ref', () => {
    expect(() => normalizeRef('team-a')).toThrow(/missing or empty kind/);
    expect(() => normalizeRef('')).toThrow(/must not be empty/);
    expect(() => normalizeRef('group:')).toThrow(/not on the form/);
  });
});

describe('tryNormalizeRef and kindOfRef', () => {
  it('answer undefined instead of throwing', () => {
    expect(tryNormalizeRef('Group:A')).toBe('group:default/a');
    expect(tryNormalizeRef('team-a')).toBeUndefined();
    expect(kindOfRef('Resource:default/orders')).toBe('resource');
    expect(kindOfRef('orders', { defaultKind: 'API' })).toBe('api');
    expect(kindOfRef('orders')).toBeUndefined();
  });
});
