import { YamlEditError } from './errors';
import { YamlEditor } from './YamlEditor';

const CATALOG = `# two entities
kind: Component
metadata:
  name: billing
spec:
  type: service
  owner: group:default/billing
  dependsOn: &deps
    - resource:default/billing-db
  consumes: *deps
---
kind: Resource
metadata:
  name: billing-db
spec: nothing
`;

function refusal(run: () => unknown): YamlEditError {
  try {
    run();
  } catch (error) {
    if (error instanceof YamlEditError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the edit to be refused');
}

describe('YamlEditor', () => {
  it('chains edits, reads the document as it is after them, and leaves a same value alone', () => {
    const editor = new YamlEditor(CATALOG)
      .set(['spec', 'type'], 'website')
      .set(['spec', 'owner'], 'group:default/billing');
    expect(editor.document.getIn(['spec', 'type'])).toBe('website');
    expect(editor.toString()).toBe(
      CATALOG.replace('type: service', 'type: website'),
    );
  });

  it('selects the one document a predicate accepts', () => {
    const editor = YamlEditor.forDocument(
      CATALOG,
      doc => doc.get('kind') === 'Resource',
    );
    expect(editor.documentIndex).toBe(1);
    editor.set(['metadata', 'title'], 'Billing DB');
    expect(editor.text).toBe(
      CATALOG.replace(
        '  name: billing-db\n',
        '  name: billing-db\n  title: Billing DB\n',
      ),
    );
  });

  it.each([
    [
      () => YamlEditor.forDocument(CATALOG, () => false),
      'no-such-document',
      '0 documents match; expected one',
    ],
    [
      () => YamlEditor.forDocument(CATALOG, () => true),
      'no-such-document',
      '2 documents match; expected one',
    ],
    [
      () => new YamlEditor(CATALOG, 2),
      'no-such-document',
      'The text has 2 document(s); there is no document 2',
    ],
    [
      () => new YamlEditor('a: [1,\n'),
      'syntax-error',
      /^Document 0 is not valid YAML: /,
    ],
  ])('refuses a document it cannot edit (%#)', (run, code, message) => {
    const error = refusal(run);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each([
    [
      1,
      { op: 'set', path: ['spec', 'owner'], value: 'x' },
      'not-a-map',
      'spec: is not a mapping',
    ],
    [
      0,
      { op: 'set', path: ['spec', 'owner', 'name'], value: 'x' },
      'not-a-map',
      'spec.owner: is not a mapping',
    ],
    [
      0,
      { op: 'set', path: ['spec', 0], value: 'x' },
      'not-a-sequence',
      'spec: is not a sequence',
    ],
    [
      0,
      { op: 'append', path: ['spec', 'type'], value: 'x' },
      'not-a-sequence',
      'spec.type: is not a sequence',
    ],
    [
      0,
      { op: 'append', path: ['spec', 'consumes'], value: 'x' },
      'alias',
      'spec.consumes: is an alias (deps)',
    ],
    [
      0,
      { op: 'set', path: ['spec', 'consumes', 0], value: 'x' },
      'alias',
      'spec.consumes: is an alias (deps); edit the anchored node instead',
    ],
    [
      0,
      { op: 'append', path: ['spec', 'dependsOn'], value: 'x' },
      'anchor-or-tag',
      'spec.dependsOn: has the anchor &deps; aliases share it, so it is not edited here',
    ],
    [
      0,
      { op: 'set', path: ['spec', 'providesApis', 0], value: 'x' },
      'not-found',
      'spec.providesApis[0]: has no such item; only mapping keys are added',
    ],
    [
      0,
      { op: 'remove', path: ['spec', 'lifecycle'] },
      'not-found',
      'spec.lifecycle: is not there',
    ],
    [
      0,
      { op: 'remove', path: [] },
      'unsupported-style',
      'the document root: the whole document is not removed',
    ],
    [
      0,
      {
        op: 'set',
        path: ['metadata', 'annotations', 'a.b/c'],
        value: undefined,
      },
      'invalid-value',
      'metadata.annotations["a.b/c"]: cannot write undefined',
    ],
    [
      0,
      { op: 'set', path: ['spec', 'tier'], value: NaN },
      'invalid-value',
      'spec.tier: cannot write NaN',
    ],
    [
      0,
      { op: 'set', path: ['spec', 'tier'], value: new Date(0) },
      'invalid-value',
      'spec.tier: cannot write this object',
    ],
    [
      0,
      { op: 'set', path: ['spec', 'x'], value: { 'two\nlines': 1 } },
      'invalid-value',
      'spec.x: cannot write the key "two\\nlines" (keys are one line)',
    ],
  ] as const)(
    'refuses an edit it cannot make, naming the path, and keeps the text (%#)',
    (index, edit, code, message) => {
      const editor = new YamlEditor(CATALOG, index);
      const error = refusal(() => editor.apply(edit as never));
      expect(error.code).toBe(code);
      expect(error.message).toBe(message);
      expect(error.path).toEqual(expect.any(Array));
      expect(editor.text).toBe(CATALOG);
    },
  );

  it('refuses to replace a tagged scalar, whose tag fixes what it reads as', () => {
    const error = refusal(() =>
      new YamlEditor('version: !!str 42\n').set(['version'], 43),
    );
    expect(error.code).toBe('anchor-or-tag');
    expect(error.message).toBe(
      'version: has the explicit tag tag:yaml.org,2002:str; it is not replaced here',
    );
  });

  it('refuses to remove an item written on the line of another item, rather than guess', () => {
    const error = refusal(() =>
      new YamlEditor('matrix:\n- - a\n  - b\n').remove(['matrix', 0, 0]),
    );
    expect(error.code).toBe('unsupported-style');
  });
});
