import { Entity, isLocationEntity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import path from 'node:path';

/**
 * Gives every `file` Location entity the refresh key of each of its targets as written
 * (`file:<absolute target>`), besides the keys the file reader records for the files it read.
 *
 * Why: a glob target (app-config's `templates/*\/template.yaml`) records keys only for the files
 * it matched, so a new matching file could not refresh it; nor could a target whose file does
 * not exist yet. With this key the file watch refreshes such a Location when a matching file
 * appears. A key is only a name to refresh by: nothing is read because of it.
 */
export class FileLocationTargetRefreshKeys implements CatalogProcessor {
  getProcessorName() {
    return 'StrataFileLocationTargetRefreshKeys';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isLocationEntity(entity)) return entity;
    if ((entity.spec.type ?? location.type) !== 'file') return entity;
    const base =
      location.type === 'file' ? path.dirname(location.target) : undefined;
    const targets = [
      ...(entity.spec.target ? [entity.spec.target] : []),
      ...(entity.spec.targets ?? []),
    ];
    for (const target of targets) {
      if (path.isAbsolute(target)) {
        emit(processingResult.refresh(`file:${path.normalize(target)}`));
      } else if (base) {
        emit(processingResult.refresh(`file:${path.resolve(base, target)}`));
      }
    }
    return entity;
  }
}
