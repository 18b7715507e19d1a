import fs from 'node:fs';
import path from 'node:path';
import {
  Entity,
  EntityRelation,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { BuiltinKindsEntityProcessor } from '@backstage/plugin-catalog-backend';
import { serviceModelRelations } from '@internal/plugin-service-model-common';
import { parseAllDocuments } from 'yaml';

const location = { type: 'url', target: 'https://example.com/catalog-info.yaml' };

/**
 * The entities with the relations the catalog would store for them: Backstage's own
 * BuiltinKindsEntityProcessor (ownedBy, partOf, dependsOn, providesApi, consumesApi, … both
 * directions) and Strata's service-model relations (produces, consumes, hasSchema), each
 * attached to its source entity — as the catalog API serves them.
 */
export async function withCatalogRelations(entities: Entity[]): Promise<Entity[]> {
  const processor = new BuiltinKindsEntityProcessor();
  const byRef = new Map<string, EntityRelation[]>();
  const add = (source: string, type: string, target: string) => {
    const key = source.toLocaleLowerCase('en-US');
    const list = byRef.get(key) ?? [];
    const targetRef = target.toLocaleLowerCase('en-US');
    if (!list.some(r => r.type === type && r.targetRef === targetRef)) {
      list.push({ type, targetRef });
    }
    byRef.set(key, list);
  };
  const prepared: Entity[] = [];
  for (const raw of entities) {
    const entity: Entity = {
      ...raw,
      metadata: { namespace: 'default', ...raw.metadata },
    };
    const processed = await processor.preProcessEntity(entity);
    await processor.postProcessEntity(processed, location, result => {
      if (result.type === 'relation') {
        const { source, type, target } = result.relation;
        add(stringifyEntityRef(source), type, stringifyEntityRef(target));
      }
    });
    for (const relation of serviceModelRelations(processed)) {
      add(
        stringifyEntityRef(relation.source),
        relation.type,
        stringifyEntityRef(relation.target),
      );
    }
    prepared.push(processed);
  }
  return prepared.map(entity => ({
    ...entity,
    relations: byRef.get(stringifyEntityRef(entity).toLocaleLowerCase('en-US')) ?? [],
  }));
}

/** Every entity of the demo organisation (examples/dataflow), Locations left out. */
export function loadDataflowEntities(): Entity[] {
  const root = path.resolve(__dirname, '../../../../examples/dataflow');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.yaml')) files.push(full);
    }
  };
  walk(root);
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJSON() as Entity)
      .filter(e => e && e.kind && e.kind !== 'Location' && e.apiVersion?.startsWith('backstage.io/')),
  );
}

type Refs = string[];

/** A Component of spec.type service (or `type`), with the model's fields. */
export function service(
  name: string,
  spec: {
    namespace?: string;
    type?: string;
    owner?: string;
    system?: string;
    lifecycle?: string;
    tier?: number;
    dependsOn?: Refs;
    providesApis?: Refs;
    consumesApis?: Refs;
    produces?: Refs;
    consumes?: Refs;
    annotations?: Record<string, string>;
    links?: Array<{ url: string; title?: string }>;
  } = {},
): Entity {
  const { namespace, annotations, links, type, owner, lifecycle, ...rest } = spec;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: namespace ?? 'default', annotations, links },
    spec: {
      type: type ?? 'service',
      lifecycle: lifecycle ?? 'production',
      owner: owner ?? 'group:default/team-a',
      ...rest,
    },
  };
}

/** An API of the given type (openapi by default). */
export function api(
  name: string,
  type = 'openapi',
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, namespace },
    spec: { type, lifecycle: 'production', owner: 'group:default/team-a', definition: '{}' },
  };
}

/** A database Resource. */
export function database(
  name: string,
  spec: { personalData?: boolean; engine?: string; namespace?: string } = {},
): Entity {
  const { namespace, ...rest } = spec;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: namespace ?? 'default' },
    spec: { type: 'database', owner: 'group:default/team-a', ...rest },
  };
}

/** A Kafka topic Resource (`topic`: the broker name). */
export function topic(
  name: string,
  spec: { topic?: string; namespace?: string; owner?: string } = {},
): Entity {
  const { namespace, owner, ...rest } = spec;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: namespace ?? 'default' },
    spec: { type: 'kafka-topic', owner: owner ?? 'group:default/team-a', ...rest },
  };
}

/** A Group (team) with optional annotations. */
export function group(
  name: string,
  annotations?: Record<string, string>,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace, annotations },
    spec: { type: 'team', children: [] },
  };
}
