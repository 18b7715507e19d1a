import fs from 'fs';
import path from 'path';
import { Document } from 'yaml';
import { expectFaithfulEdit } from './__testUtils__/checks';
import { YamlEdit } from './types';
import { YamlEditor } from './YamlEditor';

/*
 * Golden files: src/__fixtures__/<case>/input.yaml, the edits in edits.json,
 * and expected.yaml, the exact bytes the edits must produce. Every step is
 * also checked for its meaning and for the bytes it leaves alone.
 * `UPDATE_GOLDEN=1` writes expected.yaml from the editor, to review by diff.
 */

type Case = {
  document?: number | { kind: string; name: string };
  edits: YamlEdit[];
};

const FIXTURES = path.join(__dirname, '__fixtures__');
const cases = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .sort();

function editorFor(text: string, spec: Case): YamlEditor {
  const selector = spec.document;
  if (typeof selector === 'object') {
    return YamlEditor.forDocument(
      text,
      (doc: Document) =>
        doc.get('kind') === selector.kind &&
        doc.getIn(['metadata', 'name']) === selector.name,
    );
  }
  return new YamlEditor(text, selector ?? 0);
}

describe('golden files', () => {
  it('has the cases the editor promises to cover', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s', name => {
    const dir = path.join(FIXTURES, name);
    const input = fs.readFileSync(path.join(dir, 'input.yaml'), 'utf8');
    const spec: Case = JSON.parse(
      fs.readFileSync(path.join(dir, 'edits.json'), 'utf8'),
    );
    const editor = editorFor(input, spec);
    const documentIndex = editor.documentIndex;
    let before = input;
    for (const edit of spec.edits) {
      editor.apply(edit);
      expectFaithfulEdit(before, editor.text, edit, documentIndex);
      before = editor.text;
    }
    const expectedFile = path.join(dir, 'expected.yaml');
    if (process.env.UPDATE_GOLDEN) {
      fs.writeFileSync(expectedFile, editor.text);
    }
    expect(editor.text).toBe(fs.readFileSync(expectedFile, 'utf8'));
  });
});
