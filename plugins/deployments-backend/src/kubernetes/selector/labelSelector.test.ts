import {
  matchesLabelSelector,
  parseLabelSelector,
  singleEquality,
} from './labelSelector';

describe('label selectors', () => {
  const labels = {
    app: 'billing',
    tier: 'web',
    'backstage.io/kubernetes-id': 'billing',
    shard: '7',
  };

  it.each([
    ['app=billing', true],
    ['app==billing,tier=web', true],
    ['app!=billing', false],
    ['app!=orders', true],
    ['tier in (web, api)', true],
    ['tier notin (web)', false],
    ['canary', false],
    ['!canary', true],
    ['backstage.io/kubernetes-id=billing', true],
    ['app=billing,tier in (api)', false],
    ['shard>5', true],
    ['shard<5', false],
    ['', true],
  ])('%s matches: %s', (text, expected) => {
    expect(matchesLabelSelector(labels, parseLabelSelector(text))).toBe(
      expected,
    );
  });

  it('matches objects without the label for != and notin, as Kubernetes does', () => {
    expect(matchesLabelSelector({}, parseLabelSelector('canary!=true'))).toBe(
      true,
    );
  });

  it('names the requirement it cannot read', () => {
    expect(() => parseLabelSelector('app=billing,tier in web')).toThrow(
      'cannot parse label selector requirement "tier in web"',
    );
  });

  it('recognises a single key=value for the index', () => {
    expect(singleEquality(parseLabelSelector('app=billing'))).toEqual({
      key: 'app',
      value: 'billing',
    });
    expect(
      singleEquality(parseLabelSelector('app=billing,tier=web')),
    ).toBeUndefined();
  });
});
