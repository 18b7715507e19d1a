import { RELATION_DEPENDENCY_OF } from '@backstage/catalog-model';
import { isDatabase, isService } from '@internal/plugin-service-model-common';
import { displayName, listNames, refOf } from '../graph/CatalogIndex';
import { makeFinding, Rule } from './context';

/**
 * `shared-database`: a database Resource that more than one *service* depends on. Jobs,
 * libraries or websites that read it are not a second service (a reporting job reading a
 * replica does not couple two teams' deployments).
 */
export const sharedDatabaseRule: Rule = context => {
  const { index } = context;
  const findings = [];
  for (const entity of index.entities()) {
    if (!isDatabase(entity)) continue;
    const db = refOf(entity);
    const services = index
      .targets(db, RELATION_DEPENDENCY_OF)
      .filter(ref => isService(index.entity(ref)));
    if (services.length < 2) continue;
    const owner = index.ownerOf(db);
    findings.push(
      makeFinding(context, 'shared-database', {
        keyParts: [db, ...services],
        entityRefs: [db, ...services],
        message: `${displayName(db)} is used by ${
          services.length
        } services: ${listNames(services)}`,
        fix: `Keep ${displayName(db)} with one service${
          owner ? ` (its owner is ${displayName(owner)})` : ''
        } and let the others call that service's API or consume its events instead of reading its tables; remove ${displayName(
          db,
        )} from the others' spec.dependsOn once they no longer use it.`,
      }),
    );
  }
  return findings;
};
