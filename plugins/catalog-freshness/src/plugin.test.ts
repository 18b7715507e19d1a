import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { sourceEntityCard } from './entityCards';
import catalogFreshnessPlugin from './index';

describe('catalogFreshnessPlugin', () => {
  it('provides the Source card, on every kind of entity', () => {
    expect(catalogFreshnessPlugin.id).toBe('catalog-freshness');
    const tester = createExtensionTester(sourceEntityCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.filterFunction)).toBe(
      undefined,
    );
  });
});
