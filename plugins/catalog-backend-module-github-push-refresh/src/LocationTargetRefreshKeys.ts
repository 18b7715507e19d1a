import { Entity, isLocationEntity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';

/**
 * Gives every `url` Location entity the refresh key of each of its targets (`url:<target>`),
 * the key a push of that file refreshes.
 *
 * Why: the catalog's UrlReaderProcessor adds that key only after it has read the file. A
 * Location whose file did not exist yet (GitHub discovery offers every repository's
 * `catalog-info.yaml` as an optional location, found or not) has no key, so the push that adds
 * the file could not refresh it and the file would wait for the processing loop.
 */
export class LocationTargetRefreshKeys implements CatalogProcessor {
  getProcessorName() {
    return 'StrataLocationTargetRefreshKeys';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isLocationEntity(entity)) return entity;
    const type = entity.spec.type ?? location.type;
    if (type !== 'url') return entity;
    const targets = [
      ...(entity.spec.target ? [entity.spec.target] : []),
      ...(entity.spec.targets ?? []),
    ];
    for (const target of targets) {
      const absolute = resolveTarget(target, location);
      if (absolute) emit(processingResult.refresh(`url:${absolute}`));
    }
    return entity;
  }
}

/** A target relative to the file that declares it resolves as a URL does (as the catalog does). */
function resolveTarget(
  target: string,
  location: LocationSpec,
): string | undefined {
  try {
    new URL(target); // eslint-disable-line no-new
    return target; // absolute: the key is the target exactly as the reader sees it
  } catch {
    // relative: resolved below
  }
  try {
    return location.type === 'url'
      ? new URL(target, location.target).toString()
      : undefined;
  } catch {
    // Not a URL: the catalog reports the bad target itself when it reads the location.
    return undefined;
  }
}
