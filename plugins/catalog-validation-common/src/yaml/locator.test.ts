import { LineCounter, parseDocument } from 'yaml';
import { yaml } from '../testUtils';
import { createLocator } from './locator';

function locatorFor(text: string) {
  const lineCounter = new LineCounter();
  return createLocator(parseDocument(text, { lineCounter }), lineCounter);
}

const text = yaml(
  '# leading comment',
  'apiVersion: backstage.io/v1alpha1',
  'metadata:',
  '  name: svc',
  '  tags: [a, b]',
  '  links:',
  '    - url: https://example.com',
  'spec:',
  '  owner:',
);

describe('createLocator', () => {
  const locator = locatorFor(text);

  it('starts at the first node, after comments', () => {
    expect(locator.start).toEqual({ line: 2, column: 1 });
  });

  it('points at values by default and at keys on request', () => {
    expect(locator.position(['metadata', 'name'])).toEqual({
      line: 4,
      column: 9,
    });
    expect(locator.position(['metadata', 'name'], 'key')).toEqual({
      line: 4,
      column: 3,
    });
  });

  it('follows sequence indexes', () => {
    expect(locator.position(['metadata', 'tags', 1])).toEqual({
      line: 5,
      column: 13,
    });
    expect(locator.position(['metadata', 'links', 0, 'url'])).toEqual({
      line: 7,
      column: 12,
    });
  });

  it('falls back to the deepest existing key for missing paths', () => {
    expect(locator.position(['metadata', 'namespace'])).toEqual({
      line: 3,
      column: 1,
    });
    expect(locator.position(['kind'])).toEqual({ line: 2, column: 1 });
  });

  it('points at the key when a value is empty', () => {
    expect(locator.position(['spec', 'owner'])).toEqual({ line: 9, column: 3 });
  });
});
