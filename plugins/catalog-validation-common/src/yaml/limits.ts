const KiB = 1024;

/**
 * Bounds on the work one file may cost the YAML parser. A file over one of
 * them is not parsed: it gets a single `parse-limit` violation instead. Every
 * caller of the library (the CLI, the validation endpoint, the scaffolder's
 * validate action) shares them.
 */
export type ParseLimits = {
  /** The largest file parsed, in UTF-8 bytes. */
  maxFileBytes: number;
  /** The deepest nesting of collections (flow `[`/`{` plus block indentation levels). */
  maxDepth: number;
  /** The most alias nodes (`*name`) in one file; also the parser's `maxAliasCount`. */
  maxAliases: number;
  /**
   * The most entries in one mapping. The parser checks each key against the
   * ones before it, so a mapping's cost grows with the square of its size.
   */
  maxMappingEntries: number;
};

/**
 * Far above real catalog files (a few KiB, nested a handful of levels, with
 * tens of keys per mapping), low enough that one file costs the parser
 * tens of milliseconds at most.
 */
export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxFileBytes: 512 * KiB,
  maxDepth: 64,
  maxAliases: 100,
  maxMappingEntries: 1000,
});

/** The limits with the caller's overrides. */
export function parseLimits(overrides?: Partial<ParseLimits>): ParseLimits {
  return { ...DEFAULT_PARSE_LIMITS, ...overrides };
}

/** `512 KiB`, `1 MiB`, or bytes for smaller sizes. */
export function formatBytes(bytes: number): string {
  if (bytes >= KiB * KiB && bytes % (KiB * KiB) === 0) {
    return `${bytes / (KiB * KiB)} MiB`;
  }
  if (bytes >= KiB && bytes % KiB === 0) {
    return `${bytes / KiB} KiB`;
  }
  return `${bytes} bytes`;
}

/**
 * The UTF-8 length of a string without encoding it; stops counting once past
 * `stopAbove`.
 */
export function utf8Length(text: string, stopAbove = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (
      code >= 0xd800 &&
      code < 0xdc00 &&
      i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      bytes += 4; // a surrogate pair
      i += 1;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}
