import { SourcePosition } from '../types';
import { formatBytes, ParseLimits, utf8Length } from '../yaml/limits';
import { prescanYaml } from '../yaml/prescan';
import { YamlProblem } from '../yaml/parseDocuments';
import { RuleDefinition } from './types';

export const parseLimitRule: RuleDefinition = {
  id: 'parse-limit',
  severity: 'error',
  description:
    'The file stays within the parse limits (size, nesting depth, aliases, entries per mapping); a file over one is not parsed or checked further.',
};

/** A file over a limit: one error, at the spot that crossed it. */
export type ParseLimitFinding = SourcePosition & {
  message: string;
  hint: string;
};

const splitHint =
  'Split it into several files (a Location entity can list them), or move large definitions out of the entity with a $text placeholder.';

/**
 * Checks a file against the limits before it is parsed: its size, then one
 * linear pre-scan for nesting depth, aliases and mapping entries. The cost is
 * linear in the file's length whatever its content.
 */
export function checkParseLimits(
  text: string,
  limits: ParseLimits,
): ParseLimitFinding | undefined {
  const bytes = utf8Length(text, limits.maxFileBytes);
  if (bytes > limits.maxFileBytes) {
    return {
      line: 1,
      column: 1,
      message: `The file is larger than ${formatBytes(
        limits.maxFileBytes,
      )}; it was not validated`,
      hint: splitHint,
    };
  }
  const found = prescanYaml(text, limits);
  if (!found) {
    return undefined;
  }
  const { line, column } = found;
  switch (found.limit) {
    case 'depth':
      return {
        line,
        column,
        message: `YAML nested more than ${limits.maxDepth} levels deep; the file was not validated`,
        hint: 'Catalog entities nest a few levels: flatten this structure, or move a large definition out of the entity with a $text placeholder.',
      };
    case 'aliases':
      return {
        line,
        column,
        message: `More than ${limits.maxAliases} YAML aliases (*name); the file was not validated`,
        hint: 'Write the values out instead of repeating aliases to anchors.',
      };
    default:
      return {
        line,
        column,
        message: `A YAML mapping with more than ${limits.maxMappingEntries} entries; the file was not validated`,
        hint: 'Use a list for long collections, or split the mapping.',
      };
  }
}

/** The finding for aliases that expand past the parser's `maxAliasCount`. */
export function aliasExpansionFinding(
  problem: YamlProblem,
  limits: ParseLimits,
): ParseLimitFinding {
  return {
    line: problem.line,
    column: problem.column,
    message: `YAML aliases expand to more than ${limits.maxAliases} nodes; the document was not validated`,
    hint: 'Write the values out instead of nesting aliases to anchors (an alias bomb).',
  };
}
