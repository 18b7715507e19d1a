import { checkRequiredFields } from './requiredField';

describe('required-field', () => {
  it('accepts a complete envelope', () => {
    expect(
      checkRequiredFields({
        apiVersion: 'v1',
        kind: 'K',
        metadata: { name: 'n' },
      }),
    ).toEqual([]);
  });

  it('reports each missing top-level field at the document start', () => {
    expect(checkRequiredFields({ metadata: { name: 'n' } })).toEqual([
      expect.objectContaining({
        path: [],
        part: 'key',
        message: 'Missing required field apiVersion',
      }),
      expect.objectContaining({
        path: [],
        part: 'key',
        message: 'Missing required field kind',
      }),
    ]);
  });

  it('reports a missing or null name at the metadata key', () => {
    expect(
      checkRequiredFields({
        apiVersion: 'v1',
        kind: 'K',
        metadata: { name: null },
      }),
    ).toEqual([
      expect.objectContaining({
        path: ['metadata'],
        part: 'key',
        message: 'Missing required field metadata.name',
      }),
    ]);
  });

  it('leaves a metadata that is not a mapping to the schema rule', () => {
    expect(
      checkRequiredFields({ apiVersion: 'v1', kind: 'K', metadata: ['n'] }),
    ).toEqual([]);
    expect(
      checkRequiredFields({ apiVersion: 'v1', kind: 'K', metadata: 'x' }),
    ).toEqual([]);
  });
});
