import { component } from '../testUtils';
import {
  findKnownKind,
  knownKinds,
  relationFieldsFor,
  validateKindSchema,
} from './catalogModel';

describe('catalog model', () => {
  it('knows the built-in kinds and the scaffolder Template', () => {
    expect(knownKinds().map(k => k.kind)).toEqual([
      'API',
      'Component',
      'Domain',
      'Group',
      'Location',
      'Resource',
      'System',
      'Template',
      'User',
    ]);
    expect(findKnownKind('Template')?.apiVersions).toEqual([
      'scaffolder.backstage.io/v1beta3',
    ]);
    expect(findKnownKind('Component')?.apiVersions).toEqual([
      'backstage.io/v1alpha1',
      'backstage.io/v1beta1',
    ]);
    expect(findKnownKind('component')).toBeUndefined();
  });

  it('has relation fields only for known kinds and apiVersions', () => {
    expect(relationFieldsFor(component()).map(f => f.path)).toContain(
      'spec.owner',
    );
    expect(
      relationFieldsFor(component({ apiVersion: 'backstage.io/v1' })),
    ).toEqual([]);
    expect(relationFieldsFor(component({ kind: 'Widget' }))).toEqual([]);
  });

  it('validates against the kind schema', () => {
    expect(validateKindSchema(component())).toBe(true);
    expect(validateKindSchema(component({ kind: 'Widget' }))).toBe(false);
    expect(() => validateKindSchema(component({ spec: { owner: 7 } }))).toThrow(
      '/spec/owner must be string',
    );
  });
});
