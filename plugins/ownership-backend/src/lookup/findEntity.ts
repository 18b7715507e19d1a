/*
 * From one lookup key to one entity, over the index. Errors say what was searched so an alert
 * router's operator can fix the key or the catalog: a 400 for a malformed key, a 404 naming the
 * fields and namespaces searched, a 409 naming the candidates when a key is ambiguous.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { LookupQuery } from '@internal/plugin-ownership-common';
import { normalizeRepository } from '../catalogIndex/normalizeRepository';
import { OwnershipIndex } from '../catalogIndex/OwnershipIndex';

export interface Found {
  entityRef: string;
  /** The key and the field that matched, e.g. `otelServiceName (strata.dev/otel-service-name)`. */
  matchedBy: string;
}

const lower = (text: string) => text.toLocaleLowerCase('en-US');

export function findEntity(index: OwnershipIndex, query: LookupQuery): Found {
  const value = query.value.trim();
  if (!value) throw new InputError(`${query.key}: must not be empty`);
  const searched = `searched namespaces ${
    index.namespaces.join(', ') || '(none: the catalog is empty)'
  }`;
  const one = (refs: string[] | undefined, how: string) =>
    single(refs, `${query.key} (${how})`, `${query.key} '${value}'`);

  switch (query.key) {
    case 'entityRef': {
      const ref = entityRefOfKey(value);
      if (!index.entity(ref)) {
        throw new NotFoundError(`No entity ${ref} in the catalog`);
      }
      return { entityRef: ref, matchedBy: 'entityRef' };
    }
    case 'otelServiceName': {
      const annotated = index.byOtelAnnotation.get(value);
      if (annotated) return one(annotated, 'strata.dev/otel-service-name');
      const named = index.byComponentName.get(lower(value));
      if (named) return one(named, 'Component name');
      throw new NotFoundError(
        `No Component has strata.dev/otel-service-name or name '${value}'; ${searched}`,
      );
    }
    case 'k8sWorkload': {
      const parts = value.split('/');
      if (parts.length !== 3 || parts.some(p => !p.trim())) {
        throw new InputError(
          `k8sWorkload: expected cluster/namespace/name (e.g. production/billing/billing-api), got '${value}'`,
        );
      }
      const [cluster, namespace, name] = parts.map(p => p.trim());
      // A Component pinned to another namespace (backstage.io/kubernetes-namespace) is not this workload.
      const refs = (index.byKubernetesId.get(name) ?? []).filter(ref => {
        const pinned = index.kubernetesNamespace(ref);
        return !pinned || pinned === namespace;
      });
      if (refs.length === 0) {
        throw new NotFoundError(
          `No Component has backstage.io/kubernetes-id (or, without it, name) '${name}' and a backstage.io/kubernetes-namespace that allows '${namespace}' (workload ${name} in namespace ${namespace} of cluster ${cluster}); ${searched}`,
        );
      }
      return one(refs, 'backstage.io/kubernetes-id');
    }
    case 'repository': {
      const normalized = normalizeRepository(value);
      if (!normalized) {
        throw new InputError(
          `repository: not a repository URL or owner/repo slug: '${value}'`,
        );
      }
      const refs = index.byRepository.get(normalized);
      if (!refs) {
        throw new NotFoundError(
          `No entity has backstage.io/source-location, backstage.io/managed-by-location or github.com/project-slug pointing at ${normalized}; ${searched}`,
        );
      }
      // A repository holds a service and its APIs and resources: the Component is the answer.
      const components = refs.filter(r => r.startsWith('component:'));
      return one(
        components.length ? components : refs,
        'source or managed-by location',
      );
    }
    case 'topic': {
      const refs = index.byTopic.get(value);
      if (!refs) {
        throw new NotFoundError(
          `No kafka-topic or rabbitmq-queue Resource has spec.topic (or, without it, name) '${value}'; ${searched}`,
        );
      }
      return one(refs, 'spec.topic');
    }
    case 'database': {
      const refs = index.byDatabase.get(lower(value));
      if (!refs) {
        throw new NotFoundError(
          `No Resource of type database is named '${value}'; ${searched}`,
        );
      }
      return one(refs, 'Resource name');
    }
    default:
      throw new InputError(
        `Unknown lookup key '${(query as LookupQuery).key}'`,
      );
  }
}

/** The `entityRef` key as a lower-case ref (kind defaults to component, namespace to default), or a 400. */
export function entityRefOfKey(value: string): string {
  try {
    return lower(
      stringifyEntityRef(
        parseEntityRef(value.trim(), {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      ),
    );
  } catch (error) {
    throw new InputError(
      `entityRef: not an entity reference: '${value}' (expected kind:namespace/name, e.g. component:default/billing): ${
        (error as Error).message
      }`,
    );
  }
}

function single(
  refs: string[] | undefined,
  matchedBy: string,
  what: string,
): Found {
  if (!refs || refs.length === 0)
    throw new NotFoundError(`No entity for ${what}`);
  if (refs.length > 1) {
    throw new ConflictError(
      `${what} is ambiguous: it matches ${refs
        .sort()
        .join(', ')}; look up one of them by entityRef`,
    );
  }
  return { entityRef: refs[0], matchedBy };
}
