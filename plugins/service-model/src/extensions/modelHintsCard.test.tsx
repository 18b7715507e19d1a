import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { modelHintsEntityCard } from './modelHintsCard';
import { serviceModelPlugin } from '../plugin';

const entity = (kind: string, spec: Record<string, unknown>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', namespace: 'default' },
  spec: { owner: 'group:default/billing', ...spec },
});

describe('modelHintsEntityCard', () => {
  it('is part of the service-model plugin', () => {
    const card = (
      serviceModelPlugin.getExtension as (
        id: string,
      ) => typeof modelHintsEntityCard
    )('entity-card:service-model/model-hints');
    // The plugin's card is this one: an info card with the same filter.
    const tester = createExtensionTester(card);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
  });

  it('shows only on entities that lack a recommended field', () => {
    const filter = createExtensionTester(modelHintsEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(entity('Component', { type: 'service' }))).toBe(true);
    expect(filter(entity('Component', { type: 'service', tier: 2 }))).toBe(
      false,
    );
    expect(filter(entity('Resource', { type: 'database' }))).toBe(true);
    expect(filter(entity('Component', { type: 'website' }))).toBe(false);
    expect(filter(entity('Location', { type: 'url', target: 'x' }))).toBe(
      false,
    );
  });
});
