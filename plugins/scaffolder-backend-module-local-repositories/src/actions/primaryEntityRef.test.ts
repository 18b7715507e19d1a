import { primaryEntityRef } from './primaryEntityRef';

const doc = (kind: string, name: string, spec: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const api = doc(
  'API',
  'x-api',
  '  type: openapi\n  lifecycle: production\n  owner: team\n  definition: "{}"\n',
);
const db = doc('Resource', 'x-db', '  type: database\n  owner: team\n');
const service = doc(
  'Component',
  'x',
  '  type: service\n  lifecycle: production\n  owner: team\n',
);

describe('primaryEntityRef', () => {
  it('prefers the Component, then the Resource, then the API, whatever the order', () => {
    expect(primaryEntityRef([api, db, service].join('---\n'), 'c.yaml')).toBe(
      'component:default/x',
    );
    expect(primaryEntityRef([api, db].join('---\n'), 'c.yaml')).toBe(
      'resource:default/x-db',
    );
    expect(primaryEntityRef(api, 'c.yaml')).toBe('api:default/x-api');
  });

  it('finds nothing in a file with no such entity', () => {
    expect(primaryEntityRef('', 'c.yaml')).toBeUndefined();
    expect(
      primaryEntityRef(
        doc('Group', 'team', '  type: team\n  children: []\n'),
        'c.yaml',
      ),
    ).toBeUndefined();
  });
});
