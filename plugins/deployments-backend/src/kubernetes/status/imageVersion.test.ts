import { parseImage, versionOf } from './imageVersion';

describe('image versions', () => {
  it.each([
    ['registry.example.com/payments/billing:1.4.2', '1.4.2'],
    ['registry.example.com:5000/billing:2.0.0-rc.1', '2.0.0-rc.1'],
    ['registry.example.com:5000/billing', 'latest'],
    ['billing@sha256:4f1c', 'sha256:4f1c'],
    ['billing:1.4.2@sha256:4f1c', '1.4.2'],
  ])('%s → %s', (image, version) => {
    expect(versionOf(image)).toBe(version);
  });

  it('takes app.kubernetes.io/version for a digest-only image', () => {
    expect(
      versionOf('billing@sha256:4f1c', {
        'app.kubernetes.io/version': '1.4.2',
      }),
    ).toBe('1.4.2');
  });

  it('keeps a registry port out of the tag', () => {
    expect(parseImage('registry:5000/team/app')).toEqual({
      repository: 'registry:5000/team/app',
    });
  });
});
