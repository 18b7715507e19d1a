import {
  ANNOTATION_OTEL_SERVICE_NAME,
  ANNOTATION_SLO_FILE,
  isService,
  specOf,
} from '@internal/plugin-service-model-common';
import { displayName, refOf } from '../graph/CatalogIndex';
import type { Finding } from '../types';
import { makeFinding, Rule } from './context';

/**
 * `missing-observability`: a production service (lifecycle in `productionLifecycles`) without
 * an SLO file (`strata.dev/slo-file`) or, when telemetry says which services sent spans,
 * without traces. One finding per service naming what is missing; its key is the service, so
 * adding traces but not an SLO keeps the same finding.
 */
export const observabilityRule: Rule = context => {
  const { index, options, input } = context;
  const production = new Set(options.productionLifecycles);
  const traced = input.servicesWithTraces
    ? new Set(input.servicesWithTraces.map(r => r.toLowerCase()))
    : undefined;
  const findings: Finding[] = [];
  for (const entity of index.entities()) {
    const lifecycle = specOf(entity).lifecycle;
    if (!isService(entity) || typeof lifecycle !== 'string' || !production.has(lifecycle)) {
      continue;
    }
    const service = refOf(entity);
    const noSlo = !entity.metadata.annotations?.[ANNOTATION_SLO_FILE];
    const noTraces = traced !== undefined && !traced.has(service);
    if (!noSlo && !noTraces) continue;
    const missing = [
      ...(noSlo ? [`no SLO file (${ANNOTATION_SLO_FILE})`] : []),
      ...(noTraces ? ['no traces in the window'] : []),
    ];
    const fixes = [
      ...(noSlo
        ? [`add an OpenSLO file next to its catalog-info.yaml and \`${ANNOTATION_SLO_FILE}: slo.yaml\` to its annotations`]
        : []),
      ...(noTraces
        ? [`instrument it with OpenTelemetry and export spans to the portal, with service.name matching ${ANNOTATION_OTEL_SERVICE_NAME}`]
        : []),
    ];
    findings.push(
      makeFinding(context, 'missing-observability', {
        keyParts: [service],
        entityRefs: [service],
        message: `${displayName(service)} runs in ${lifecycle} with ${missing.join(' and ')}`,
        fix: `For ${displayName(service)}: ${fixes.join('; ')}.`,
      }),
    );
  }
  return findings;
};
