import { queryString } from './queryString';

describe('queryString', () => {
  it('is empty without parameters or when all are unset', () => {
    expect(queryString(undefined)).toBe('');
    expect(queryString({})).toBe('');
    expect(queryString({ a: undefined, b: null })).toBe('');
  });

  it('repeats a key per array item, encodes values and leaves unset ones out', () => {
    expect(
      queryString({
        entityRef: 'component:default/billing',
        kind: ['a', 'b c'],
        limit: 5,
        flag: false,
        skip: undefined,
      }),
    ).toBe(
      '?entityRef=component%3Adefault%2Fbilling&kind=a&kind=b+c&limit=5&flag=false',
    );
  });
});
