import { isChildPath } from '@backstage/backend-plugin-api';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import path from 'node:path';

/**
 * Refuses to read `file` locations outside the allowed roots (see fileLocationRoots).
 *
 * It runs before the catalog's own file reader (priority 10 < 20) and claims such a location
 * with an error instead of letting it be read, so registering `file:/etc/passwd` through the
 * catalog API yields a processing error naming the allowed folders, and no content.
 * Symbolic links are followed (isChildPath), so a link cannot lead out of a root.
 */
export class FileLocationGuardProcessor implements CatalogProcessor {
  constructor(private readonly roots: string[]) {}

  getProcessorName() {
    return 'StrataFileLocationGuardProcessor';
  }

  getPriority() {
    return 10;
  }

  async readLocation(
    location: LocationSpec,
    _optional: boolean,
    emit: CatalogProcessorEmit,
  ): Promise<boolean> {
    if (location.type !== 'file') return false;
    const target = path.resolve(location.target);
    if (this.roots.some(root => isChildPath(root, target))) return false;
    emit(
      processingResult.inputError(
        location,
        `Refusing to read ${target}: file locations must lie under ${this.roots.join(
          ', ',
        )} (strata.catalog.allowedFileLocationRoots adds folders)`,
      ),
    );
    return true;
  }
}
