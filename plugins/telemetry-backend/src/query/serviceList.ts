import { ServiceList } from '@internal/plugin-telemetry-common';
import { ServiceSpans } from '@internal/plugin-telemetry-node';
import { CatalogGraph } from '../catalog/CatalogGraph';

/**
 * The services that sent spans in a window, busiest first (then by name), each with the
 * catalog entity its spans map to, or null when none does.
 */
export function serviceList(options: {
  window: string;
  services: readonly ServiceSpans[];
  catalog: CatalogGraph;
  /** The metrics source's id. */
  source: string;
}): ServiceList {
  const { catalog } = options;
  return {
    window: options.window,
    // The contract names the two sources Strata ships; another module's source reports its id.
    source: options.source as ServiceList['source'],
    items: [...options.services]
      .sort(
        (a, b) =>
          b.spans - a.spans ||
          (a.serviceName < b.serviceName
            ? -1
            : Number(a.serviceName > b.serviceName)),
      )
      .map(s => ({
        serviceName: s.serviceName,
        entityRef: catalog.entityOfService(s.serviceName) ?? null,
        spans: s.spans,
        errors: s.errors,
        lastSeen: s.lastSeen.toISOString(),
      })),
  };
}
