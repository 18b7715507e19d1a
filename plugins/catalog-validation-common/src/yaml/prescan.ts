import { SourcePosition } from '../types';
import { ParseLimits } from './limits';

/** Which limit a file exceeds. */
export type ExceededLimit = 'depth' | 'aliases' | 'mapping-entries';

/** Where the pre-scan found a file over a limit. */
export type PrescanFinding = SourcePosition & { limit: ExceededLimit };

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const AMP = 38;
const SQUOTE = 39;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const GT = 62;
const QMARK = 63;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

type Kind = 'map' | 'seq';
type Frame = { col: number; kind: Kind; entries: number };

const isBlank = (c: number) => c === SPACE || c === TAB;
/** End of a token: whitespace, line end or end of text (NaN). */
const endsToken = (c: number) =>
  c === SPACE || c === TAB || c === CR || c === LF || Number.isNaN(c);
const isFlowIndicator = (c: number) =>
  c === COMMA ||
  c === LBRACKET ||
  c === RBRACKET ||
  c === LBRACE ||
  c === RBRACE;

/** Where an alias, anchor or tag written at `pos` ends. */
function tokenEnd(text: string, pos: number, lineEnd: number, inFlow: boolean) {
  let end = pos + 1;
  while (
    end < lineEnd &&
    !endsToken(text.charCodeAt(end)) &&
    !(inFlow && isFlowIndicator(text.charCodeAt(end)))
  ) {
    end += 1;
  }
  return end;
}

/**
 * One linear pass over a YAML text that finds, before the parser runs, a
 * file nested deeper than `maxDepth`, with more than `maxAliases` aliases, or
 * with a mapping of more than `maxMappingEntries` entries.
 *
 * It is a sketch of YAML's syntax, not a parser: it follows quoted scalars,
 * comments and block scalars (so `[` in a string is not a collection), flow
 * collections (`[`, `{`) and block collections by indentation (`- `, `? `,
 * `key: `). Where it cannot tell, it errs towards counting: a text the parser
 * would read as a string may be counted as structure, never the other way.
 * Returns the position of the first token over a limit.
 */
export function prescanYaml(
  text: string,
  limits: Pick<ParseLimits, 'maxDepth' | 'maxAliases' | 'maxMappingEntries'>,
): PrescanFinding | undefined {
  const block: Frame[] = [];
  const flow: Frame[] = [];
  let aliases = 0;
  /** The quote of a quoted scalar that continues onto the next line. */
  let quote = 0;
  /** Lines indented at most this far end the open quoted scalar. */
  let quoteParent = -1;
  /** An open block scalar (`|`, `>`): its parent's column and its content's indent. */
  let blockScalar: { parent: number; indent?: number } | undefined;

  let line = 0;
  let lineStart = 0;
  let finding: PrescanFinding | undefined;

  const at = (pos: number, limit: ExceededLimit): PrescanFinding => ({
    limit,
    line,
    column: pos - lineStart + 1,
  });
  const topCol = () => (block.length ? block[block.length - 1].col : -1);
  const tooDeep = () => block.length + flow.length > limits.maxDepth;

  /** A block collection node (`- `, `? `, `key:`) starting at `col`. */
  const blockNode = (kind: Kind, col: number, newEntry: boolean) => {
    while (block.length && block[block.length - 1].col > col) {
      block.pop();
    }
    let top = block[block.length - 1];
    if (top && top.col === col && top.kind === 'seq' && kind === 'map') {
      // A key after a sequence written at its parent key's indentation.
      block.pop();
      top = block[block.length - 1];
    }
    if (top && top.col === col && top.kind === kind) {
      if (kind === 'map' && newEntry) {
        top.entries += 1;
        return top.entries > limits.maxMappingEntries
          ? 'mapping-entries'
          : undefined;
      }
      return undefined;
    }
    block.push({ col, kind, entries: 1 });
    return tooDeep() ? 'depth' : undefined;
  };

  while (lineStart <= text.length && !finding) {
    line += 1;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) {
      lineEnd = text.length;
    }
    let pos = lineStart;
    while (pos < lineEnd && text.charCodeAt(pos) === SPACE) {
      pos += 1;
    }
    const indent = pos - lineStart;
    let rest = pos;
    while (
      rest < lineEnd &&
      (isBlank(text.charCodeAt(rest)) || text.charCodeAt(rest) === CR)
    ) {
      rest += 1;
    }
    const blankLine = rest === lineEnd;

    // Document markers end every collection and scalar in block context.
    const c0 = text.charCodeAt(lineStart);
    if (
      indent === 0 &&
      (c0 === DASH || c0 === DOT) &&
      text.charCodeAt(lineStart + 1) === c0 &&
      text.charCodeAt(lineStart + 2) === c0 &&
      endsToken(text.charCodeAt(lineStart + 3))
    ) {
      block.length = 0;
      blockScalar = undefined;
      quote = 0;
      pos = lineStart + 3;
    } else if (blockScalar) {
      if (blankLine) {
        lineStart = lineEnd + 1;
        continue;
      }
      if (blockScalar.indent === undefined && indent > blockScalar.parent) {
        blockScalar.indent = indent;
      }
      if (blockScalar.indent !== undefined && indent >= blockScalar.indent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalar = undefined;
    } else if (quote && !blankLine && indent <= quoteParent) {
      // The parser ends a quoted scalar at a line indented too little.
      quote = 0;
    }

    let atTokenStart = !quote;
    /** The column where the node that may turn out to be a key started. */
    let nodeCol = -1;
    while (pos < lineEnd && !finding) {
      const c = text.charCodeAt(pos);
      const col = pos - lineStart;
      if (quote) {
        if (quote === DQUOTE && c === BACKSLASH) {
          pos += 2;
          continue;
        }
        if (c === quote) {
          if (quote === SQUOTE && text.charCodeAt(pos + 1) === SQUOTE) {
            pos += 2;
            continue;
          }
          quote = 0;
          atTokenStart = false;
        }
        pos += 1;
        continue;
      }
      const next = text.charCodeAt(pos + 1);
      if (isBlank(c) || c === CR) {
        pos += 1;
        continue;
      }
      if (
        c === HASH &&
        (pos === lineStart || isBlank(text.charCodeAt(pos - 1)))
      ) {
        break; // a comment
      }
      if (flow.length === 0) {
        if (
          atTokenStart &&
          (c === DASH || c === QMARK || c === COLON) &&
          endsToken(next)
        ) {
          // `- `, `? `, `: `: a block collection entry at this column.
          const exceeded = blockNode(
            c === DASH ? 'seq' : 'map',
            col,
            c === QMARK,
          );
          if (exceeded) {
            finding = at(pos, exceeded);
          }
          pos += 1;
          continue;
        }
        if (atTokenStart && (c === PIPE || c === GT)) {
          // A block scalar: the following, more indented lines are its text.
          // With an explicit indentation indicator the lines are scanned as
          // structure instead (rare, and never counted short).
          let explicitIndent = false;
          for (
            let h = pos + 1;
            h < lineEnd && !endsToken(text.charCodeAt(h));
            h++
          ) {
            const d = text.charCodeAt(h);
            explicitIndent ||= d >= 49 && d <= 57;
          }
          if (!explicitIndent) {
            blockScalar = { parent: topCol() };
          }
          break;
        }
        if (c === COLON && endsToken(next)) {
          // `key: `: the node that started at nodeCol is a mapping key.
          if (nodeCol >= 0) {
            const exceeded = blockNode('map', nodeCol, true);
            if (exceeded) {
              finding = at(lineStart + nodeCol, exceeded);
            }
            nodeCol = -1;
          }
          atTokenStart = true;
          pos += 1;
          continue;
        }
        if (atTokenStart) {
          nodeCol = col;
        }
      }
      if (c === LBRACKET || c === LBRACE) {
        // In flow context every bracket opens a collection (plain scalars
        // cannot hold one there); in block context only where a node starts.
        if (flow.length > 0 || atTokenStart) {
          flow.push({ col, kind: c === LBRACE ? 'map' : 'seq', entries: 1 });
          if (tooDeep()) {
            finding = at(pos, 'depth');
          }
          atTokenStart = true;
          pos += 1;
          continue;
        }
      } else if (flow.length > 0 && (c === RBRACKET || c === RBRACE)) {
        flow.pop();
        atTokenStart = false;
        pos += 1;
        continue;
      } else if (flow.length > 0 && c === COMMA) {
        const top = flow[flow.length - 1];
        top.entries += 1;
        if (top.kind === 'map' && top.entries > limits.maxMappingEntries) {
          finding = at(pos, 'mapping-entries');
        }
        atTokenStart = true;
        pos += 1;
        continue;
      } else if (
        flow.length > 0 &&
        c === COLON &&
        (endsToken(next) || isFlowIndicator(next))
      ) {
        atTokenStart = true;
        pos += 1;
        continue;
      } else if (atTokenStart && (c === DQUOTE || c === SQUOTE)) {
        quote = c;
        quoteParent = topCol();
        pos += 1;
        continue;
      } else if (atTokenStart && (c === STAR || c === AMP || c === BANG)) {
        // An alias, or an anchor or tag (the node itself follows).
        if (c === STAR) {
          aliases += 1;
          if (aliases > limits.maxAliases) {
            finding = at(pos, 'aliases');
          }
        }
        pos = tokenEnd(text, pos, lineEnd, flow.length > 0);
        atTokenStart = c !== STAR;
        continue;
      }
      atTokenStart = false;
      pos += 1;
    }
    lineStart = lineEnd + 1;
  }
  return finding;
}
