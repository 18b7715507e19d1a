import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError, NotFoundError } from '@backstage/errors';
import {
  FileLocationRoots,
  readLimitedFile,
  resolveFileLocation,
} from '@internal/plugin-local-repositories-node';
import type { Readable } from 'node:stream';
import type { SloFileLocation } from './sloFileLocation';

export type SloFileText =
  | { kind: 'text'; text: string }
  /** Could not be read; the reason is for the SLO card and says what to fix. */
  | { kind: 'unreadable'; reason: string };

async function readCapped(
  stream: Readable,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads an SLO file: `url` locations through the backend's UrlReader (the SCM integrations and
 * their credentials, as the catalog reads catalog files), `file` locations through the same
 * guard as the catalog's file reader (only inside the allowed roots, symbolic links resolved,
 * `strata.catalog.maxFileBytes`). Both are capped at the same size.
 */
export class SloFileReader {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      fileRoots: FileLocationRoots;
      maxBytes: number;
    },
  ) {}

  async read(location: SloFileLocation): Promise<SloFileText> {
    try {
      return location.type === 'url'
        ? await this.readUrl(location.target)
        : await this.readFile(location.target);
    } catch (e) {
      if (
        e instanceof NotFoundError ||
        (isError(e) && e.name === 'NotFoundError')
      ) {
        return {
          kind: 'unreadable',
          reason: `${location.target} does not exist`,
        };
      }
      return {
        kind: 'unreadable',
        reason: `${location.target} could not be read: ${
          isError(e) ? e.message : String(e)
        }`,
      };
    }
  }

  private tooLarge(target: string, size?: number): SloFileText {
    return {
      kind: 'unreadable',
      reason: `${target} is ${
        size !== undefined ? `${size} bytes, ` : ''
      }over the ${
        this.options.maxBytes
      }-byte limit for files next to catalog files (strata.catalog.maxFileBytes)`,
    };
  }

  private async readUrl(url: string): Promise<SloFileText> {
    const response = await this.options.urlReader.readUrl(url);
    const data = response.stream
      ? await readCapped(response.stream(), this.options.maxBytes)
      : await response.buffer();
    if (!data || data.length > this.options.maxBytes) {
      return this.tooLarge(url, data?.length);
    }
    return { kind: 'text', text: data.toString('utf8') };
  }

  private async readFile(target: string): Promise<SloFileText> {
    const resolution = await resolveFileLocation(
      target,
      this.options.fileRoots,
    );
    if (resolution.kind === 'refused') {
      return {
        kind: 'unreadable',
        reason: `refusing to read ${target}: ${resolution.reason}`,
      };
    }
    if (resolution.kind === 'missing' || resolution.files.length !== 1) {
      return { kind: 'unreadable', reason: `${target} does not exist` };
    }
    const read = await readLimitedFile(
      resolution.files[0],
      this.options.maxBytes,
    );
    if (read.kind === 'too-large') return this.tooLarge(target, read.size);
    return { kind: 'text', text: read.data.toString('utf8') };
  }
}
