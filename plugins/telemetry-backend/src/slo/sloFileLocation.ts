import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { ANNOTATION_SLO_FILE } from '@internal/plugin-service-model-common';
import path from 'node:path';

/** Where an entity's SLO file is: a URL the UrlReader reads, or a path beside a `file` location. */
export type SloFileLocation =
  | { type: 'url'; target: string }
  | { type: 'file'; target: string };

export type SloFileLocationResult =
  /** The entity has no `strata.dev/slo-file` annotation. */
  | { kind: 'none' }
  | { kind: 'located'; location: SloFileLocation }
  /** The annotation cannot be resolved; says why. */
  | { kind: 'unresolvable'; reason: string };

/**
 * Resolves `strata.dev/slo-file` relative to where the entity came from
 * (`backstage.io/managed-by-location`): against a `url:` location with the SCM integrations'
 * rules (as the catalog resolves relative targets), against the folder of a `file:` location as
 * a path. An absolute URL in the annotation is used as it is. Whether a file path may be read is
 * not decided here but by the file-location guard when it is read.
 */
export function locateSloFile(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): SloFileLocationResult {
  const annotation = entity.metadata.annotations?.[ANNOTATION_SLO_FILE]?.trim();
  if (!annotation) return { kind: 'none' };
  if (/^https?:\/\//i.test(annotation)) {
    return { kind: 'located', location: { type: 'url', target: annotation } };
  }
  const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!managedBy) {
    return {
      kind: 'unresolvable',
      reason: `${ANNOTATION_SLO_FILE} is relative ("${annotation}") but the entity has no ${ANNOTATION_LOCATION} to resolve it against`,
    };
  }
  let location: { type: string; target: string };
  try {
    location = parseLocationRef(managedBy);
  } catch (e) {
    return {
      kind: 'unresolvable',
      reason: `${ANNOTATION_LOCATION} "${managedBy}" is not a location reference`,
    };
  }
  if (location.type === 'url') {
    return {
      kind: 'located',
      location: {
        type: 'url',
        target: integrations.resolveUrl({
          url: annotation,
          base: location.target,
        }),
      },
    };
  }
  if (location.type === 'file') {
    return {
      kind: 'located',
      location: {
        type: 'file',
        target: path.resolve(path.dirname(location.target), annotation),
      },
    };
  }
  return {
    kind: 'unresolvable',
    reason: `SLO files can be read next to url: and file: locations, not ${location.type}: (${managedBy})`,
  };
}
