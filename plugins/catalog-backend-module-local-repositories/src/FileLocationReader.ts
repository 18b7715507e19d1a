import {
  CatalogProcessor,
  CatalogProcessorEmit,
  CatalogProcessorParser,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DEFAULT_MAX_FILE_BYTES,
  FileLocationRoots,
  readLimitedFile,
  resolveFileLocation,
} from '@internal/plugin-local-repositories-node';
import path from 'node:path';

/**
 * Reads every `file` location in place of the catalog's own FileReaderProcessor (it runs
 * first, priority 10 < 20, and claims the location), so that no file is read before it is
 * checked: targets must lie inside the roots (see resolveFileLocation), glob patterns are
 * expanded only for app-config's own targets, real paths are checked after symbolic links
 * are resolved, and a file over the size limit is refused with a processing error that says
 * so instead of being parsed.
 */
export class FileLocationReader implements CatalogProcessor {
  constructor(
    private readonly roots: FileLocationRoots,
    private readonly maxFileBytes: number = DEFAULT_MAX_FILE_BYTES,
  ) {}

  getProcessorName() {
    return 'StrataFileLocationReader';
  }

  getPriority() {
    return 10;
  }

  async readLocation(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    parser: CatalogProcessorParser,
  ): Promise<boolean> {
    if (location.type !== 'file') return false;
    const resolution = await resolveFileLocation(location.target, this.roots);
    if (resolution.kind === 'refused') {
      emit(
        processingResult.inputError(
          location,
          `Refusing to read file location ${location.target}: ${resolution.reason}`,
        ),
      );
      return true;
    }
    if (resolution.kind === 'missing' || resolution.files.length === 0) {
      if (!optional) {
        emit(
          processingResult.notFoundError(
            location,
            `file ${location.target} does not exist`,
          ),
        );
      }
      return true;
    }
    if (resolution.skipped.length > 0) {
      emit(
        processingResult.inputError(
          location,
          `Not read: ${resolution.skipped.join(
            ', ',
          )} (symbolic links that lead outside the allowed folders)`,
        ),
      );
    }
    for (const file of resolution.files) {
      await this.readFile(file, location, emit, parser);
    }
    return true;
  }

  private async readFile(
    file: string,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
    parser: CatalogProcessorParser,
  ) {
    const fileLocation = { type: 'file', target: path.normalize(file) };
    try {
      const read = await readLimitedFile(file, this.maxFileBytes);
      if (read.kind === 'too-large') {
        emit(
          processingResult.inputError(
            location,
            `${file} is ${read.size} bytes; catalog files may be at most ${this.maxFileBytes} bytes (strata.catalog.maxFileBytes). Split it into several files.`,
          ),
        );
        return;
      }
      const { data } = read;
      for await (const result of parser({ data, location: fileLocation })) {
        emit(result);
      }
      emit(processingResult.refresh(`file:${fileLocation.target}`));
    } catch (error) {
      emit(
        processingResult.generalError(
          location,
          `file ${location.target} could not be read: ${
            (error as Error).message
          }`,
        ),
      );
    }
  }
}
