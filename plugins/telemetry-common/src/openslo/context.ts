import type { SloFileProblem } from '../slo';
import type { OpenSloRule } from './rules';
import type { DocumentPathSegment, OpenSloDocumentInput } from './types';

/** A value of the document together with where it is, so a problem can point at it. */
export interface Located {
  doc: OpenSloDocumentInput;
  path: DocumentPathSegment[];
  value: unknown;
}

/** Collects the problems of one file. */
export class ProblemCollector {
  readonly problems: SloFileProblem[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly file: string) {}

  /** Reports a problem at `at` (a missing field is reported where it should be). */
  report(
    at: Pick<Located, 'doc' | 'path'>,
    rule: OpenSloRule,
    message: string,
    part: 'key' | 'value' = 'value',
  ): void {
    const { line, column } = at.doc.position(at.path, part);
    // An SLI referenced by several SLOs is checked once, but guard against repeats anyway.
    const key = `${line}:${column}:${rule}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ file: this.file, line, column, message, rule });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child of a located mapping (undefined value when it is absent or not a mapping). */
export function child(at: Located, key: DocumentPathSegment): Located {
  const value =
    isRecord(at.value) || Array.isArray(at.value)
      ? (at.value as Record<string | number, unknown>)[key]
      : undefined;
  return { doc: at.doc, path: [...at.path, key], value };
}

/** A short rendering of a path for messages, e.g. `spec.objectives[0].target`. */
export function pathText(path: DocumentPathSegment[]): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      return i === 0 ? segment : `.${segment}`;
    })
    .join('');
}
