import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { ALL_RELATION_PAIRS } from '@backstage/plugin-catalog-graph';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import {
  RELATION_CONSUMED_BY,
  RELATION_CONSUMES,
  RELATION_HAS_SCHEMA,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES,
  RELATION_SCHEMA_OF,
} from '@internal/plugin-service-model-common';

/**
 * Defaults of the System architecture graph. Every key can be overridden in
 * app-config under `app.extensions` → `entity-card:service-model/relations` →
 * `config` (the same keys as the upstream `entity-card:catalog-graph/relations`).
 */
export const systemGraphDefaults = {
  title: 'Architecture',
  /** Kinds of relation targets drawn (the System itself is the root). */
  kinds: ['system', 'component', 'resource', 'api'],
  relations: [
    RELATION_HAS_PART,
    RELATION_PART_OF,
    RELATION_DEPENDS_ON,
    RELATION_DEPENDENCY_OF,
    RELATION_PRODUCES,
    RELATION_PRODUCED_BY,
    RELATION_CONSUMES,
    RELATION_CONSUMED_BY,
    RELATION_PROVIDES_API,
    RELATION_API_PROVIDED_BY,
    RELATION_CONSUMES_API,
    RELATION_API_CONSUMED_BY,
  ],
  /**
   * The upstream pairs plus Strata's. The first relation of a pair gives the
   * arrow's direction: producer → topic → consumer, so events flow left to right.
   */
  relationPairs: [
    ...ALL_RELATION_PAIRS,
    [RELATION_PRODUCES, RELATION_PRODUCED_BY],
    [RELATION_CONSUMED_BY, RELATION_CONSUMES],
    [RELATION_HAS_SCHEMA, RELATION_SCHEMA_OF],
  ] as [string, string][],
  /**
   * 1 = the System's parts; 2 adds what they connect to in other systems
   * (a topic consumed from another team, the services consuming ours).
   */
  maxDepth: 2,
  /** Draw the edges between the parts (service → database), not only System → part. */
  unidirectional: false,
  mergeRelations: true,
  showArrowHeads: true,
  height: 560,
};

/**
 * The upstream catalog-graph entity card (same component and config schema),
 * as a second instance on System pages that draws databases, topics and APIs
 * with the dependsOn, produces/consumes and API relations between them:
 * `entity-card:service-model/relations`.
 */
export const systemArchitectureGraphCard = catalogGraphPlugin
  .getExtension('entity-card:catalog-graph/relations')
  .override({
    factory(originalFactory, { config }) {
      const d = systemGraphDefaults;
      return originalFactory({
        config: {
          ...config,
          title: config.title ?? d.title,
          kinds: config.kinds ?? d.kinds,
          relations: config.relations ?? d.relations,
          relationPairs: config.relationPairs ?? d.relationPairs,
          maxDepth: config.maxDepth ?? d.maxDepth,
          unidirectional: config.unidirectional ?? d.unidirectional,
          mergeRelations: config.mergeRelations ?? d.mergeRelations,
          showArrowHeads: config.showArrowHeads ?? d.showArrowHeads,
          height: config.height ?? d.height,
        },
        params: { filter: { kind: 'system' } },
      });
    },
  });
