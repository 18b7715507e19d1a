/* eslint-disable no-script-url -- script URLs are the inputs under test */
import { component } from '../testUtils';
import { classifyLocationRef, classifyUrl, unsafeLinkRule } from './unsafeLink';

describe('unsafe-link', () => {
  it.each([
    'https://example.com',
    'http://x.example',
    'mailto:team@example.com',
  ])('accepts %s', url => {
    expect(classifyUrl(url)).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<b>',
    'vbscript:x',
  ])('rejects the script URL %j', url => {
    expect(classifyUrl(url)).toMatchObject({
      severity: 'error',
      problem: expect.stringMatching(/^is a \w+: URL$/),
    });
  });

  it('warns about other schemes and rejects relative URLs', () => {
    expect(classifyUrl('ftp://files.example')).toMatchObject({
      severity: 'warning',
      problem: 'uses the ftp: scheme',
    });
    expect(classifyUrl('/docs')).toMatchObject({
      severity: 'error',
      problem: 'is not a valid absolute URL: "/docs"',
    });
  });

  it('checks location references like the catalog parses them', () => {
    expect(
      classifyLocationRef('url:https://github.com/o/r/', true),
    ).toBeUndefined();
    expect(classifyLocationRef('dir:.', true)).toBeUndefined();
    expect(classifyLocationRef('url:javascript:alert(1)', true)).toMatchObject({
      severity: 'error',
      problem: 'has a javascript: target',
    });
    expect(classifyLocationRef('javascript:alert(1)', true)).toMatchObject({
      severity: 'error',
      problem: 'is a javascript: location',
    });
    expect(classifyLocationRef('https://github.com/o/r', true)).toMatchObject({
      severity: 'error',
    });
    expect(classifyLocationRef('somewhere', false)).toMatchObject({
      severity: 'warning',
    });
    expect(classifyLocationRef('url:ftp://x', true)).toMatchObject({
      severity: 'warning',
    });
  });

  it('reports links and annotations at their values', () => {
    const entity = component({
      metadata: {
        links: [{ url: 'https://ok.example' }, { url: 'javascript:alert(1)' }],
        annotations: {
          'backstage.io/source-location':
            'url:javascript:alert(document.cookie)',
          'backstage.io/view-url': 'javascript:void(0)',
          'example.com/docs-location': 'url:https://docs.example',
          'example.com/note': 'javascript:is fine in free text',
        },
      },
    });
    expect(unsafeLinkRule.check(entity)).toEqual([
      expect.objectContaining({
        path: ['metadata', 'links', 1, 'url'],
        severity: 'error',
        message: 'metadata.links[1].url is a javascript: URL',
      }),
      expect.objectContaining({
        path: ['metadata', 'annotations', 'backstage.io/source-location'],
        severity: 'error',
        message:
          'Annotation backstage.io/source-location has a javascript: target',
      }),
      expect.objectContaining({
        path: ['metadata', 'annotations', 'backstage.io/view-url'],
        message: 'Annotation backstage.io/view-url is a javascript: URL',
      }),
    ]);
  });
});
