import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { locateSloFile } from './sloFileLocation';

const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'billing', annotations },
    spec: {},
  };
}

describe('locateSloFile', () => {
  it('resolves a relative file against a GitHub url: location like the catalog does', () => {
    expect(
      locateSloFile(
        entity({
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/billing/blob/main/catalog-info.yaml',
          'strata.dev/slo-file': 'slo.yaml',
        }),
        integrations,
      ),
    ).toEqual({
      kind: 'located',
      // ScmIntegrations.resolveUrl, as the catalog resolves relative targets (GitHub's reader
      // reads tree/ and blob/ URLs alike)
      location: {
        type: 'url',
        target: 'https://github.com/acme/billing/tree/main/slo.yaml',
      },
    });
  });

  it('resolves against the folder of a file: location', () => {
    expect(
      locateSloFile(
        entity({
          'backstage.io/managed-by-location':
            'file:/srv/repos/billing/catalog-info.yaml',
          'strata.dev/slo-file': './ops/slo.yaml',
        }),
        integrations,
      ),
    ).toEqual({
      kind: 'located',
      location: { type: 'file', target: '/srv/repos/billing/ops/slo.yaml' },
    });
  });

  it('uses an absolute URL as it is', () => {
    expect(
      locateSloFile(
        entity({
          'backstage.io/managed-by-location':
            'file:/srv/repos/billing/catalog-info.yaml',
          'strata.dev/slo-file': 'https://slo.example/billing.yaml',
        }),
        integrations,
      ),
    ).toEqual({
      kind: 'located',
      location: { type: 'url', target: 'https://slo.example/billing.yaml' },
    });
  });

  it('no annotation: nothing to read', () => {
    expect(locateSloFile(entity({}), integrations)).toEqual({ kind: 'none' });
  });

  it('says why a relative file cannot be resolved', () => {
    expect(
      locateSloFile(
        entity({ 'strata.dev/slo-file': 'slo.yaml' }),
        integrations,
      ),
    ).toEqual({
      kind: 'unresolvable',
      reason:
        'strata.dev/slo-file is relative ("slo.yaml") but the entity has no backstage.io/managed-by-location to resolve it against',
    });
    expect(
      locateSloFile(
        entity({
          'backstage.io/managed-by-location': 'bitbucket-discovery:https://x',
          'strata.dev/slo-file': 'slo.yaml',
        }),
        integrations,
      ),
    ).toEqual({
      kind: 'unresolvable',
      reason:
        'SLO files can be read next to url: and file: locations, not bitbucket-discovery: (bitbucket-discovery:https://x)',
    });
  });
});
