import { mockCredentials } from '@backstage/backend-test-utils';
import { principalKey, queryCacheKey } from './cacheKey';

describe('principalKey', () => {
  it('names a user by entity ref and a service by subject', () => {
    expect(principalKey(mockCredentials.user('user:default/alice'))).toBe(
      'user user:default/alice',
    );
    expect(principalKey(mockCredentials.service('plugin:scaffolder'))).toBe(
      'service plugin:scaffolder',
    );
    expect(principalKey(mockCredentials.none())).toBe('none');
  });

  it('keeps a user acting through a service apart from the user alone', () => {
    const alone = principalKey(mockCredentials.user('user:default/alice'));
    const viaService = principalKey({
      $$type: '@backstage/BackstageCredentials',
      principal: {
        type: 'user',
        userEntityRef: 'user:default/alice',
        actor: { type: 'service', subject: 'plugin:mcp-actions' },
      },
    } as any);
    expect(viaService).toBe('user user:default/alice actor plugin:mcp-actions');
    expect(viaService).not.toBe(alone);
  });

  it('keeps a restricted service token apart from the unrestricted subject', () => {
    const restricted = principalKey({
      $$type: '@backstage/BackstageCredentials',
      principal: {
        type: 'service',
        subject: 'external:ci',
        accessRestrictions: { permissionNames: ['catalog.entity.read'] },
      },
    } as any);
    expect(restricted).toBe(
      'service external:ci {"permissionNames":["catalog.entity.read"]}',
    );
    expect(principalKey(mockCredentials.service('external:ci'))).toBe(
      'service external:ci',
    );
  });

  it('gives no key for a principal it does not know', () => {
    expect(
      principalKey({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'robot' },
      } as any),
    ).toBeUndefined();
  });
});

describe('queryCacheKey', () => {
  const url = '/api/catalog/entity-facets?facet=spec.type';
  it('is fixed-length, holds no principal or URL, and is stable', () => {
    const key = queryCacheKey('user user:default/alice', 'GET', url);
    expect(key).toMatch(/^query-cache:v1:[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('alice');
    expect(queryCacheKey('user user:default/alice', 'get', url)).toBe(key);
  });

  it('differs by principal, method and every part of the URL', () => {
    const key = queryCacheKey('user user:default/alice', 'GET', url);
    expect(queryCacheKey('user user:default/bob', 'GET', url)).not.toBe(key);
    expect(queryCacheKey('user user:default/alice', 'POST', url)).not.toBe(key);
    expect(
      queryCacheKey('user user:default/alice', 'GET', `${url}&facet=kind`),
    ).not.toBe(key);
  });
});
