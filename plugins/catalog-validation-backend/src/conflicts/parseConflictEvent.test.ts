import { parseConflictEvent } from './parseConflictEvent';

describe('parseConflictEvent', () => {
  const payload = {
    unprocessedEntity: { kind: 'Component' },
    entityRef: 'component:default/Billing',
    existingLocationKey: 'file:/repo/billing/catalog-info.yaml',
    newLocationKey: 'file:/repo/copy/catalog-info.yaml',
    lastConflictAt: '2026-11-22T10:00:00.000+00:00',
  };

  it('reads the catalog payload, with the entity ref in the catalog’s lower-case form', () => {
    expect(parseConflictEvent(payload)).toEqual({
      entityRef: 'component:default/billing',
      keptLocation: 'file:/repo/billing/catalog-info.yaml',
      ignoredLocation: 'file:/repo/copy/catalog-info.yaml',
      seenAt: new Date('2026-11-22T10:00:00.000Z'),
    });
  });

  it('uses the receive time when the conflict time is missing or not a date', () => {
    const before = Date.now();
    for (const lastConflictAt of [undefined, 'yesterday']) {
      const conflict = parseConflictEvent({ ...payload, lastConflictAt });
      expect(conflict?.seenAt.getTime()).toBeGreaterThanOrEqual(before);
    }
  });

  it.each([
    ['no payload', undefined],
    ['a string', 'conflict'],
    ['no entity ref', { ...payload, entityRef: undefined }],
    ['an empty location key', { ...payload, newLocationKey: '' }],
    ['a numeric location key', { ...payload, existingLocationKey: 7 }],
  ])('ignores %s', (_, value) => {
    expect(parseConflictEvent(value)).toBeUndefined();
  });
});
