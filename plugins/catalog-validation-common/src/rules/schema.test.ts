import { component } from '../testUtils';
import { checkEnvelopeSchema, schemaRule } from './schema';

describe('schema', () => {
  it('accepts a valid entity', () => {
    expect(schemaRule.check(component())).toEqual([]);
  });

  it('reports a missing spec field at the spec key', () => {
    expect(schemaRule.check(component({ spec: { owner: undefined } }))).toEqual(
      [
        {
          path: ['spec'],
          part: 'key',
          message: "spec must have required property 'owner'",
          hint: 'Add owner under spec.',
        },
      ],
    );
  });

  it('reports wrong types at the value', () => {
    expect(
      schemaRule.check(component({ spec: { dependsOn: 'resource:db' } })),
    ).toEqual([
      expect.objectContaining({
        path: ['spec', 'dependsOn'],
        part: 'value',
        message: 'spec.dependsOn must be array',
      }),
    ]);
  });

  it('reports metadata errors from the entity schema', () => {
    expect(
      schemaRule.check(
        component({ metadata: { links: [{ url: 'https://x', title: '' }] } }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['metadata', 'links', 0, 'title'],
        message:
          'metadata.links[0].title must NOT have fewer than 1 characters',
      }),
    ]);
  });

  it('ignores foreign root fields, which have their own rule', () => {
    expect(schemaRule.check(component({ status: {}, extra: 1 }))).toEqual([]);
  });

  it('checks the envelope types', () => {
    expect(
      checkEnvelopeSchema({
        apiVersion: 'v1',
        kind: 5,
        metadata: { name: 'n' },
      }),
    ).toEqual([
      expect.objectContaining({
        path: ['kind'],
        message: 'kind must be string',
        hint: 'Write a string here.',
      }),
    ]);
    expect(
      checkEnvelopeSchema({
        apiVersion: 'v1',
        kind: 'K',
        metadata: { name: 'n' },
      }),
    ).toEqual([]);
  });
});
