import { Entity } from '@backstage/catalog-model';
import {
  formatSourceVersion,
  parseSourceVersion,
  readSourceStamp,
} from './sourceStamp';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', annotations },
});

describe('source stamp', () => {
  it('round-trips a version', () => {
    const version = { kind: 'git' as const, value: 'a'.repeat(40) };
    expect(parseSourceVersion(formatSourceVersion(version))).toEqual(version);
    expect(parseSourceVersion('svn:42')).toBeUndefined();
  });

  it('reads the stamp, leaving out what is missing or malformed', () => {
    expect(
      readSourceStamp(
        entity({
          'strata.dev/source-version': 'mtime:2026-12-02T07:00:00.000Z',
          'strata.dev/source-read-at': '2026-12-02T07:00:01.000Z',
        }),
      ),
    ).toEqual({
      version: { kind: 'mtime', value: '2026-12-02T07:00:00.000Z' },
      readAt: new Date('2026-12-02T07:00:01.000Z'),
    });
    expect(
      readSourceStamp(entity({ 'strata.dev/source-read-at': 'yesterday' })),
    ).toEqual({ version: undefined, readAt: undefined });
  });
});
