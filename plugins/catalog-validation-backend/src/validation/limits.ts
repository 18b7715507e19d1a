import { CustomErrorBase } from '@backstage/errors';
import { DEFAULT_PARSE_LIMITS } from '@internal/plugin-catalog-validation-common';

const MiB = 1024 * 1024;

/** The most files one request may carry. */
export const MAX_FILES = 200;
/** The most file content one request may carry, in UTF-8 bytes, summed over its files. */
export const MAX_CONTENT_BYTES = MiB;
/** The largest single file, in UTF-8 bytes: the library's parse limit. */
export const MAX_FILE_BYTES = DEFAULT_PARSE_LIMITS.maxFileBytes;

/**
 * The largest JSON body the router parses. Above {@link MAX_CONTENT_BYTES}
 * because JSON escapes grow the content (`"` → `\"`, control characters →
 * `\u0000`); the content limit itself is checked after parsing.
 */
export const MAX_BODY_BYTES = 8 * MiB;

/** A request larger than the service takes; answered with HTTP 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  /** Read by Backstage's error handler. */
  statusCode = 413;
}

const limitsText = `at most ${MAX_FILES} files and ${
  MAX_CONTENT_BYTES / MiB
} MiB of content per request`;

/** The message for a body the JSON parser refused as too large. */
export const bodyTooLargeMessage = `The request body is larger than ${
  MAX_BODY_BYTES / MiB
} MiB; send ${limitsText}, and split larger sets into several requests.`;

/** Throws {@link PayloadTooLargeError} when the files exceed the limits. */
export function checkLimits(files: { path?: string; content: string }[]): void {
  if (files.length > MAX_FILES) {
    throw new PayloadTooLargeError(
      `The request has ${files.length} files; send ${limitsText}, and split larger sets into several requests.`,
    );
  }
  let bytes = 0;
  for (const file of files) {
    const size = Buffer.byteLength(file.content, 'utf8');
    if (size > MAX_FILE_BYTES) {
      throw new PayloadTooLargeError(
        `${file.path} holds ${size} bytes; files over ${
          MAX_FILE_BYTES / 1024
        } KiB are not validated. Split it into several files.`,
      );
    }
    bytes += size;
  }
  if (bytes > MAX_CONTENT_BYTES) {
    throw new PayloadTooLargeError(
      `The files hold ${bytes} bytes of content; send ${limitsText}, and split larger sets into several requests.`,
    );
  }
}
