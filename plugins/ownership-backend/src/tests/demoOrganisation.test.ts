/*
 * The lookup over the DataFlow demo organisation's real catalog files (examples/dataflow), as
 * the catalog would serve them before computing relations (the index falls back to spec.owner and
 * spec.parent): every key type answers, with the team's rotation from groups.yaml.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { OwnershipIndex } from '../catalogIndex/OwnershipIndex';
import { HealthSources } from '../health/health';
import { LookupService } from '../lookup/LookupService';
import { CatalogRotationProvider } from '../oncall/CatalogRotationProvider';

const DEMO = path.resolve(__dirname, '../../../../examples/dataflow');

function demoEntities(): Entity[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  walk(DEMO);
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJS() as Entity | null)
      .filter(
        (e): e is Entity =>
          Boolean(e?.apiVersion?.startsWith('backstage.io')) &&
          e!.kind !== 'Location',
      )
      .map(e => ({ ...e, metadata: { namespace: 'default', ...e.metadata } })),
  );
}

describe('lookup over the demo organisation', () => {
  const index = OwnershipIndex.build(demoEntities());
  const service = new LookupService({
    index: { get: async () => index },
    providers: [new CatalogRotationProvider()],
    health: new HealthSources({ auth: mockServices.auth(), timeoutMs: 1000 }),
  });
  const lookup = (key: any, value: string) =>
    service.lookup({ key, value }, mockCredentials.user(), {
      withHealth: false,
    });

  it.each([
    [
      'entityRef',
      'component:default/billing',
      'component:default/billing',
      'group:default/billing',
    ],
    [
      'otelServiceName',
      'pipeline-service',
      'component:default/pipeline-service',
      'group:default/pipelines',
    ],
    [
      'k8sWorkload',
      'prod-eu/default/billing',
      'component:default/billing',
      'group:default/billing',
    ],
    [
      'repository',
      'https://github.com/dataflow-systems/pipeline-service.git',
      'component:default/pipeline-service',
      'group:default/pipelines',
    ],
    [
      'topic',
      'pipeline.run.created',
      'resource:default/pipeline-run-created',
      'group:default/pipelines',
    ],
    [
      'database',
      'legacy-db',
      'resource:default/legacy-db',
      'group:default/billing',
    ],
  ])('%s=%s → %s owned by %s', async (key, value, entityRef, owner) => {
    const result = await lookup(key, value);
    expect(result.entityRef).toBe(entityRef);
    expect(result.owner.ref).toBe(owner);
    expect(result.onCall.source).toBe('catalog');
    expect(result.escalation).toEqual([
      owner,
      'group:default/engineering',
      'group:default/dataflow',
    ]);
  });

  it("names the billing team's rotation and contacts from groups.yaml", async () => {
    const result = await lookup('otelServiceName', 'billing');
    expect(result.onCall).toMatchObject({
      primary: 'user:default/daniel-kowalski',
      fromGroup: 'group:default/billing',
    });
    expect(result.owner.contacts).toContainEqual({
      type: 'email',
      value: 'billing@dataflow.example',
    });
  });
});
