import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { serviceNameProblem } from '@internal/plugin-service-model-common';

/** The entity a template is about to create, and who it will belong to. */
export type NewEntityRequest = {
  name: string;
  kind: string;
  namespace: string;
  owner?: string;
  system?: string;
};

/** What the catalog and the disk say about a request (looked up by the action). */
export type NewEntityFacts = {
  /** The entity already registered under the new entity's ref, if any. */
  existing?: Entity;
  /** The owner's entity, absent when not found. */
  owner?: Entity;
  /** The system's entity, absent when not found. */
  system?: Entity;
  /** The local repository path, when a directory with the new name is already there. */
  existingRepository?: string;
};

/** The new entity's normalised ref, e.g. `component:default/report-exporter`. */
export function newEntityRef(request: NewEntityRequest): string {
  return stringifyEntityRef({
    kind: request.kind,
    namespace: request.namespace,
    name: request.name,
  });
}

/**
 * Parses the owner / system inputs with the defaults the catalog uses for `spec.owner`
 * (kind Group) and `spec.system` (kind System). Throws on a malformed ref.
 */
export function relatedRefs(request: NewEntityRequest): {
  owner?: CompoundEntityRef;
  system?: CompoundEntityRef;
} {
  const parse = (ref: string | undefined, defaultKind: string) =>
    ref
      ? parseEntityRef(ref, {
          defaultKind,
          defaultNamespace: request.namespace,
        })
      : undefined;
  return {
    owner: parse(request.owner, 'group'),
    system: parse(request.system, 'system'),
  };
}

function ownerOf(entity: Entity): string {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  return typeof owner === 'string' ? `, owned by ${owner}` : '';
}

/**
 * Every reason the template must not create this entity, in the order a user fixes them.
 * Pure: the caller looks the facts up.
 */
export function newEntityProblems(
  request: NewEntityRequest,
  facts: NewEntityFacts,
): string[] {
  const problems: string[] = [];
  const nameProblem = serviceNameProblem(request.name);
  if (nameProblem) {
    problems.push(
      `The name ${JSON.stringify(request.name)} is not allowed: ${nameProblem}`,
    );
  }
  if (facts.existing) {
    problems.push(
      `The name ${request.name} is taken by ${stringifyEntityRef(
        facts.existing,
      )}${ownerOf(facts.existing)}; choose another name.`,
    );
  }
  if (facts.existingRepository) {
    problems.push(
      `A local repository named ${request.name} already exists (${facts.existingRepository}); choose another name.`,
    );
  }
  const refs = relatedRefs(request);
  if (refs.owner) {
    const ref = stringifyEntityRef(refs.owner);
    if (!facts.owner) {
      problems.push(`The owner ${ref} does not exist in the catalog.`);
    } else if (facts.owner.kind.toLocaleLowerCase('en-US') !== 'group') {
      problems.push(
        `The owner ${ref} is a ${facts.owner.kind}, not a Group; services are owned by teams.`,
      );
    }
  }
  if (refs.system) {
    const ref = stringifyEntityRef(refs.system);
    if (!facts.system) {
      problems.push(`The system ${ref} does not exist in the catalog.`);
    } else if (facts.system.kind.toLocaleLowerCase('en-US') !== 'system') {
      problems.push(
        `The system ${ref} is a ${facts.system.kind}, not a System.`,
      );
    }
  }
  return problems;
}
