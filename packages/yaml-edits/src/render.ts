import { Document, isScalar, Scalar } from 'yaml';
import { indentLines } from './text';

/*
 * New YAML text for values, written by the `yaml` package's own printer so
 * that quoting follows the YAML rules (a string `'42'` is quoted, `true` as a
 * string is quoted, ...), then placed by the editor at the right column.
 */

/** How far this document indents nested mappings and block sequences. */
export type BlockStyle = {
  /** Columns from a key to the keys of the mapping under it. */
  mapIndent: number;
  /** Columns from a key to the `-` of the sequence under it (0: `key:\n- item`). */
  seqIndent: number;
};

/** Where an inline value goes. */
export type InlineContext = {
  /** Inside `[...]` or `{...}`, where `,` and brackets end a plain scalar. */
  inFlow: boolean;
  /** The quotes of the scalar being replaced, kept for a string. */
  quote?: Scalar.Type;
  /** Whether flow collections are written `{ a: b }` rather than `{a: b}`. */
  padding?: boolean;
};

/** A value to write: on one line (a scalar, `{}`, a flow collection), or as block lines. */
export type Written = {
  inline(context: InlineContext): string;
  /** The lines at column 0 of a non-empty block collection; absent for a scalar. */
  block?: { lines: string[]; sequence: boolean };
};

const ONE_LINE = { lineWidth: 0, minContentWidth: 0 };

/** A document of `value`; an object used twice is written twice, not as an alias. */
function documentOf(value: unknown): Document {
  return new Document(value, { aliasDuplicateObjects: false });
}

function printed(doc: Document, options: object = {}): string {
  return doc.toString({ ...ONE_LINE, ...options }).replace(/\r?\n$/, '');
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isEmptyCollection(value: object): boolean {
  if (value instanceof Map) {
    return value.size === 0;
  }
  return Array.isArray(value)
    ? value.length === 0
    : Object.keys(value).length === 0;
}

/** One scalar on one line, in `context`'s quotes when it is a string. */
export function scalarText(value: unknown, context: InlineContext): string {
  const doc = documentOf(value);
  const node = doc.contents;
  if (isScalar(node) && typeof value === 'string') {
    if (context.quote) {
      node.type = context.quote;
    }
    // A plain scalar ends at `,` `[` `]` `{` `}` inside a flow collection.
    if (context.inFlow && /[,[\]{}]/.test(value)) {
      node.type = Scalar.QUOTE_DOUBLE;
    }
  }
  const text = printed(doc);
  if (!text.includes('\n')) {
    return text;
  }
  // Multi-line strings (and `---` lines) go on one line, escaped.
  (node as Scalar).type = Scalar.QUOTE_DOUBLE;
  return printed(doc);
}

/** A collection in flow style, e.g. `{service: admin, weight: 5}`. */
export function flowText(value: unknown, padding = false): string {
  return printed(documentOf(value), {
    collectionStyle: 'flow',
    flowCollectionPadding: padding,
  });
}

/** A mapping key, quoted when it must be (in flow style when `inFlow`). */
export function keyText(key: string, inFlow: boolean): string {
  const pair = inFlow
    ? flowText(new Map([[key, null]])).slice(1, -1)
    : printed(documentOf(new Map([[key, null]])));
  return pair.slice(0, pair.lastIndexOf(': null'));
}

/** The lines of a non-empty collection in block style, at column 0. */
export function blockLines(value: object, style: BlockStyle): string[] {
  return printed(documentOf(value), {
    indent: Math.max(1, style.mapIndent),
    indentSeq: style.seqIndent > 0,
  }).split('\n');
}

/** How `value` is written: inline, or as block lines when it is a non-empty collection. */
export function writtenValue(value: unknown, style: BlockStyle): Written {
  if (isCollection(value) && !isEmptyCollection(value)) {
    return {
      inline: context => flowText(value, context.padding),
      block: {
        lines: blockLines(value, style),
        sequence: Array.isArray(value),
      },
    };
  }
  return {
    inline: context =>
      isCollection(value) ? flowText(value) : scalarText(value, context),
  };
}

/** The lines of `key: value` in a block mapping, at column 0. */
export function pairLines(key: string, value: Written, style: BlockStyle) {
  if (!value.block) {
    return [`${keyText(key, false)}: ${value.inline({ inFlow: false })}`];
  }
  const { lines, sequence } = value.block;
  return [
    `${keyText(key, false)}:`,
    ...indentLines(lines, sequence ? style.seqIndent : style.mapIndent),
  ];
}

/** `key: value` inside a flow mapping. */
export function flowPairText(
  key: string,
  value: Written,
  padding: boolean,
): string {
  return `${keyText(key, true)}: ${value.inline({ inFlow: true, padding })}`;
}

/** A one-key mapping `{key: value}`, for a key added where there was nothing. */
export function writtenPair(
  key: string,
  value: Written,
  style: BlockStyle,
): Written {
  return {
    inline: context =>
      context.padding
        ? `{ ${flowPairText(key, value, true)} }`
        : `{${flowPairText(key, value, false)}}`,
    block: { lines: pairLines(key, value, style), sequence: false },
  };
}

/** The lines of a sequence item's value, at column 0 (the first goes after `- `). */
export function itemContent(value: Written): string[] {
  return value.block?.lines ?? [value.inline({ inFlow: false })];
}

/** The lines of one `- item` of a block sequence, at column 0. */
export function itemLines(value: Written): string[] {
  const content = itemContent(value);
  return [`- ${content[0]}`, ...indentLines(content.slice(1), 2)];
}

/** `# comment` lines (one per line of `comment`). */
export function commentLines(comment: string): string[] {
  return comment
    .split(/\r?\n/)
    .map(line => (line.trim() === '' ? '#' : `# ${line.trimStart()}`));
}

/** A new block sequence of one item, with a comment above it. */
export function writtenNewSequence(
  item: Written,
  comment: string | undefined,
): Written {
  return {
    inline: context => {
      const text = item.inline({ inFlow: true, padding: context.padding });
      return context.padding ? `[ ${text} ]` : `[${text}]`;
    },
    block: {
      lines: [...(comment ? commentLines(comment) : []), ...itemLines(item)],
      sequence: true,
    },
  };
}
