import { Request } from 'express';
import zlib from 'node:zlib';

/** A request the receiver refuses before decoding it: answered with this status. */
export class ReceiverError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

export interface BodyLimits {
  /** Largest body on the wire (compressed or not). */
  maxBodyBytes: number;
  /** Largest body after gunzip: a small gzip body that inflates past this is a zip bomb. */
  maxDecompressedBytes: number;
}

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

/**
 * Reads the body with both limits enforced while it streams: a declared Content-Length over the
 * limit is refused before a byte is read, and a body (or its inflation) that crosses a limit
 * stops being read there; nothing over the limit is ever held in memory.
 */
export function readBody(req: Request, limits: BodyLimits): Promise<Buffer> {
  const encoding = (req.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    return Promise.reject(
      new ReceiverError(
        415,
        'UnsupportedMediaTypeError',
        `Content-Encoding ${encoding} is not supported; send gzip or no encoding`,
      ),
    );
  }
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    return Promise.reject(tooLarge(limits.maxBodyBytes));
  }

  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let received = 0;
    let inflated = 0;
    let settled = false;
    const gunzip = encoding === 'gzip' ? zlib.createGunzip() : undefined;
    const fail = (error: ReceiverError) => {
      if (settled) return;
      settled = true;
      req.unpipe();
      req.pause();
      gunzip?.destroy();
      reject(error);
    };
    const keep = (chunk: Buffer) => {
      inflated += chunk.length;
      if (gunzip && inflated > limits.maxDecompressedBytes) {
        fail(
          new ReceiverError(
            413,
            'PayloadTooLargeError',
            `The gzip body inflates to more than ${mib(limits.maxDecompressedBytes)} (telemetry.receiver.maxDecompressedBytes)`,
          ),
        );
        return;
      }
      parts.push(chunk);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBodyBytes) {
        fail(tooLarge(limits.maxBodyBytes));
      } else if (gunzip) {
        gunzip.write(chunk);
      } else {
        keep(chunk);
      }
    });
    req.on('error', () =>
      fail(new ReceiverError(400, 'InputError', 'The request body could not be read')),
    );
    if (gunzip) {
      gunzip.on('data', keep);
      gunzip.on('error', error =>
        fail(new ReceiverError(400, 'InputError', `The gzip body is corrupt: ${error.message}`)),
      );
      gunzip.on('end', () => {
        if (!settled) {
          settled = true;
          resolve(Buffer.concat(parts));
        }
      });
    }
    req.on('end', () => {
      if (settled) return;
      if (gunzip) gunzip.end();
      else {
        settled = true;
        resolve(Buffer.concat(parts));
      }
    });
  });
}

function tooLarge(maxBodyBytes: number) {
  return new ReceiverError(
    413,
    'PayloadTooLargeError',
    `The request body is larger than ${mib(maxBodyBytes)} (telemetry.receiver.maxBodyBytes); export smaller batches`,
  );
}
