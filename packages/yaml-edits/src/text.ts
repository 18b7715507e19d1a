/*
 * Offsets and lines of the original text. Offsets are string indexes, as the
 * `yaml` parser reports them (a byte order mark counts as one).
 */

/** A replacement of `text.slice(start, end)`. */
export type Splice = { start: number; end: number; text: string };

const BLANK = /[ \t\r\n]/;

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset`, before its `\n` or `\r\n`. */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) {
    return text.length;
  }
  return text[newline - 1] === '\r' && newline - 1 >= offset
    ? newline - 1
    : newline;
}

/** Past the line break at `offset` (a line end), or `offset` at the end of the text. */
export function pastLineBreak(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) {
    return offset + 2;
  }
  return text[offset] === '\n' ? offset + 1 : offset;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/**
 * The end of the last line that holds content before `offset`: a
 * collection's range runs past its final line break, a scalar's stops
 * before its comment; either way the line (comment included) is kept whole.
 */
export function endOfLastLine(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && BLANK.test(text[end - 1])) {
    end -= 1;
  }
  return lineEnd(text, end);
}

/** Whether only spaces or tabs precede `offset` on its line. */
export function startsItsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** `offset` moved back over the spaces and tabs before it. */
export function backOverSpaces(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) {
    start -= 1;
  }
  return start;
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function spaces(count: number): string {
  return ' '.repeat(Math.max(0, count));
}

/** `lines` indented by `count` columns; empty lines stay empty. */
export function indentLines(lines: string[], count: number): string[] {
  return lines.map(line => (line === '' ? line : `${spaces(count)}${line}`));
}

/** Applies non-overlapping splices (computed against the same text). */
export function applySplices(text: string, splices: Splice[]): string {
  const ordered = [...splices].sort((a, b) => b.start - a.start);
  let result = text;
  let limit = text.length;
  for (const splice of ordered) {
    if (splice.end > limit || splice.start > splice.end) {
      throw new Error('Overlapping edits of the same text');
    }
    result = `${result.slice(0, splice.start)}${splice.text}${result.slice(
      splice.end,
    )}`;
    limit = splice.start;
  }
  return result;
}
