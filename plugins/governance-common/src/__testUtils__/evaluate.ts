import type { Entity } from '@backstage/catalog-model';
import { evaluateFindings } from '../evaluateFindings';
import type { Finding, GovernanceInput, RuleId } from '../types';
import { withCatalogRelations } from './catalog';

/** The findings of one rule on crafted entities, with the catalog's relations added. */
export async function findingsOf(
  rule: RuleId,
  entities: Entity[],
  extra: Omit<GovernanceInput, 'entities'> = {},
): Promise<Finding[]> {
  const withRelations = await withCatalogRelations(entities);
  return evaluateFindings({ ...extra, entities: withRelations }).filter(
    f => f.rule === rule,
  );
}
