import { annotateEntity } from './annotateEntity';

const catalogInfo = `# The service
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: report-exporter
  annotations:
    backstage.io/kubernetes-id: report-exporter # same as the name
spec:
  type: service
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: report-exporter-db
spec:
  type: database
`;

describe('annotateEntity', () => {
  it('adds annotations to the named entity only, keeping the rest of the file', () => {
    expect(
      annotateEntity(
        catalogInfo,
        { kind: 'Component', name: 'report-exporter' },
        { 'strata.dev/extracted-from': 'component:default/admin' },
      ),
    ).toBe(
      catalogInfo.replace(
        '# same as the name\n',
        '# same as the name\n    strata.dev/extracted-from: component:default/admin\n',
      ),
    );
  });

  it('creates the annotations map when the entity has none', () => {
    expect(
      annotateEntity(
        catalogInfo,
        { kind: 'resource', name: 'report-exporter-db' },
        { 'strata.dev/x': 'y' },
      ),
    ).toBe(
      catalogInfo.replace(
        '  name: report-exporter-db\n',
        '  name: report-exporter-db\n  annotations:\n    strata.dev/x: y\n',
      ),
    );
  });

  it('refuses when the entity is not in the file, or the file is broken', () => {
    expect(() =>
      annotateEntity(
        catalogInfo,
        { kind: 'Component', name: 'other' },
        { a: 'b' },
      ),
    ).toThrow(
      'The catalog file declares 0 entities of kind Component named other; expected one',
    );
    expect(() =>
      annotateEntity('kind: [', { kind: 'Component', name: 'x' }, { a: 'b' }),
    ).toThrow('The catalog file is not valid YAML');
  });
});
