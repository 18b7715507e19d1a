import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { DoraReport, DoraWindow } from '@internal/plugin-deployments-common';
import { HistoryStore } from '../database/HistoryStore';
import { buildDoraReport } from '../dora/report';
import { windowRanges } from '../dora/windows';
import { CatalogScope } from './catalogScope';

/** Answers `GET /v1/dora`: the scope from the catalog, the rows from the store, the math pure. */
export class DoraQuery {
  constructor(
    private readonly options: {
      store: HistoryStore;
      scope: CatalogScope;
      productionEnvironment: string;
      now?: () => number;
    },
  ) {}

  async report(
    request: { entityRef: string } | { owner: string },
    window: DoraWindow,
    credentials: BackstageCredentials,
  ): Promise<DoraReport> {
    const { store, scope, productionEnvironment } = this.options;
    let services: string[];
    let about: DoraReport['scope'];
    if ('entityRef' in request) {
      await scope.entity(request.entityRef, credentials);
      services = [request.entityRef];
      about = { entityRef: request.entityRef, services };
    } else {
      services = await scope.servicesOwnedBy(request.owner, credentials);
      about = { owner: request.owner, services };
    }
    const now = (this.options.now ?? Date.now)();
    const { current, previous } = windowRanges(window, now);
    const query = {
      entityRefs: services,
      environment: productionEnvironment,
      from: previous.from,
      to: current.to,
    };
    const [rollouts, incidents] = await Promise.all([
      store.rolloutsFinishedIn(query),
      store.incidentsStartedIn(query),
    ]);
    return buildDoraReport({
      scope: about,
      window,
      environment: productionEnvironment,
      now,
      rollouts,
      incidents,
    });
  }
}
