import fs from 'node:fs/promises';

/** A file read up to a size limit. */
export type LimitedFileRead =
  | { kind: 'read'; data: Buffer }
  /** Over the limit: not read at all (so a huge file costs no memory). */
  | { kind: 'too-large'; size: number };

/**
 * Reads a file that {@link resolveFileLocation} allowed, unless it is larger than `maxBytes`.
 * The size is checked before reading, and again on what was read, in case the file grew.
 */
export async function readLimitedFile(
  file: string,
  maxBytes: number,
): Promise<LimitedFileRead> {
  const { size } = await fs.stat(file);
  if (size > maxBytes) return { kind: 'too-large', size };
  const data = await fs.readFile(file);
  if (data.length > maxBytes) return { kind: 'too-large', size: data.length };
  return { kind: 'read', data };
}
