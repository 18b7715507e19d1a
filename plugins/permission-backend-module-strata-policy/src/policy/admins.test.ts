import { parseAdminRefs } from './admins';

describe('parseAdminRefs', () => {
  it('normalises user and group refs, filling in the default namespace', () => {
    expect([
      ...parseAdminRefs(['group:platform', 'User:Default/Ana-Garcia']),
    ]).toEqual(['group:default/platform', 'user:default/ana-garcia']);
  });

  it('rejects a ref without a kind, naming the entry', () => {
    expect(() => parseAdminRefs(['group:platform', 'platform'])).toThrow(
      "strata.permissions.admins[1]: 'platform' is not an entity ref",
    );
  });

  it('rejects kinds other than users and groups', () => {
    expect(() => parseAdminRefs(['component:default/portal'])).toThrow(
      "strata.permissions.admins[0]: 'component:default/portal' is a component; admins are users or groups",
    );
  });
});
