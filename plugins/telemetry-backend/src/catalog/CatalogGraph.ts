import {
  Entity,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_OTEL_SERVICE_NAME,
  isDatabase,
  isTopicOrQueue,
  RELATION_CONSUMES,
  RELATION_PRODUCES,
} from '@internal/plugin-service-model-common';

const lower = (s: string) => s.toLocaleLowerCase('en-US');
export const refOf = (entity: Entity) => lower(stringifyEntityRef(entity));

/** A catalog relation the observed graph is compared with, from the catalog's point of view. */
export interface DeclaredRelation {
  from: string;
  to: string;
  relation: string;
}

/**
 * What the telemetry plugin needs from the catalog, indexed: which entity a `service.name`
 * belongs to (the `strata.dev/otel-service-name` annotation first, else a Component of that
 * name), which Resource a topic or database name is, and the relations that declare calls.
 * Pure: built from a list of entities.
 */
export class CatalogGraph {
  private readonly byServiceName = new Map<string, string>();
  private readonly topics = new Map<string, string>();
  private readonly databases = new Map<string, string>();
  private readonly relations = new Map<string, Map<string, Set<string>>>();
  private readonly apiProviders = new Map<string, Set<string>>();
  readonly kinds = new Map<string, string>();

  constructor(entities: readonly Entity[]) {
    const byName = new Map<string, string>();
    for (const entity of entities) {
      const ref = refOf(entity);
      const kind = lower(entity.kind);
      this.kinds.set(ref, kind);
      const annotated = entity.metadata.annotations?.[ANNOTATION_OTEL_SERVICE_NAME];
      if (annotated) this.byServiceName.set(annotated, ref);
      else if (kind === 'component' && !byName.has(entity.metadata.name)) {
        byName.set(entity.metadata.name, ref);
      }
      if (isTopicOrQueue(entity)) {
        const topic = (entity.spec as { topic?: unknown } | undefined)?.topic;
        this.topics.set(typeof topic === 'string' ? topic : entity.metadata.name, ref);
      }
      if (isDatabase(entity)) this.databases.set(entity.metadata.name, ref);
      for (const relation of entity.relations ?? []) {
        const target = lower(relation.targetRef);
        this.addRelation(ref, relation.type, target);
        if (relation.type === RELATION_PROVIDES_API) {
          const providers = this.apiProviders.get(target) ?? new Set();
          providers.add(ref);
          this.apiProviders.set(target, providers);
        }
      }
    }
    // An annotation wins over a name match.
    byName.forEach((ref, name) => {
      if (!this.byServiceName.has(name)) this.byServiceName.set(name, ref);
    });
  }

  private addRelation(from: string, type: string, to: string) {
    let types = this.relations.get(from);
    if (!types) this.relations.set(from, (types = new Map()));
    let targets = types.get(type);
    if (!targets) types.set(type, (targets = new Set()));
    targets.add(to);
  }

  private has(from: string, type: string, to: string): boolean {
    return this.relations.get(from)?.get(type)?.has(to) ?? false;
  }

  private targets(from: string, type: string): string[] {
    return [...(this.relations.get(from)?.get(type) ?? [])];
  }

  entityOfService(serviceName: string): string | undefined {
    return this.byServiceName.get(serviceName);
  }

  /** A graph node (`otel:…`, `topic:…`, `db:<system>/<name>`) as an entity ref where one matches. */
  resolveNode(node: string): string {
    if (node.startsWith('otel:')) return this.byServiceName.get(node.slice(5)) ?? node;
    if (node.startsWith('topic:')) return this.topics.get(node.slice(6)) ?? node;
    if (node.startsWith('db:')) {
      const name = node.slice(node.indexOf('/') + 1);
      return this.databases.get(name) ?? node;
    }
    return node;
  }

  /** The APIs `from` consumes that `to` provides. */
  private sharedApis(from: string, to: string): string[] {
    return this.targets(from, RELATION_CONSUMES_API).filter(api =>
      this.apiProviders.get(api)?.has(to),
    );
  }

  /** Whether a catalog relation declares an observed edge between two resolved nodes. */
  declares(from: string, to: string, kind: string): boolean {
    if (this.has(from, RELATION_DEPENDS_ON, to)) return true;
    if (kind === 'messaging') {
      if (this.has(from, RELATION_PRODUCES, to) || this.has(to, RELATION_CONSUMES, from)) {
        return true;
      }
      // Producer → consumer directly: a topic one produces and the other consumes.
      return this.targets(from, RELATION_PRODUCES).some(topic =>
        this.has(to, RELATION_CONSUMES, topic),
      );
    }
    return this.sharedApis(from, to).length > 0;
  }

  /**
   * The relations of `from` that a span could show: dependsOn (components and resources),
   * consumesApi resolved to the API's providers, produces and consumes. Entity refs, catalog
   * direction.
   */
  declaredFrom(from: string): DeclaredRelation[] {
    const out: DeclaredRelation[] = [];
    for (const to of this.targets(from, RELATION_DEPENDS_ON)) {
      out.push({ from, to, relation: RELATION_DEPENDS_ON });
    }
    for (const api of this.targets(from, RELATION_CONSUMES_API)) {
      for (const provider of this.apiProviders.get(api) ?? []) {
        if (provider !== from) out.push({ from, to: provider, relation: RELATION_CONSUMES_API });
      }
    }
    for (const type of [RELATION_PRODUCES, RELATION_CONSUMES]) {
      for (const to of this.targets(from, type)) out.push({ from, to, relation: type });
    }
    return out;
  }
}
