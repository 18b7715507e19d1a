/**
 * Cuts stack traces and install paths out of text shown to users (scaffolder task logs), keeping
 * what a user can act on: `Error: the message` and any other line that is not a stack frame.
 * Pure string logic; the HTTP side is in taskOutputFilter.ts.
 */

/**
 * A stack frame line as V8 prints it (`\n    at fn (/path/file.ts:25:9)`), and the summary
 * lines Node prints for causes (`\n    ... 4 lines matching cause stack trace ...`).
 */
const FRAME_LINE =
  /\r?\n[ \t]+(?:at |\.\.\. \d+ (?:more|lines? matching))[^\r\n]*/g;

/**
 * The same lines inside a JSON-encoded string, as in a task log line of a logged error
 * (`error: failed {"stack":"Error: boom\n    at fn (/path/file.ts:25:9)"}`): the frame runs to the
 * next escaped line break or to the closing quote.
 */
const ESCAPED_FRAME_LINE =
  /(?:\\r)?\\n(?:[ \t]|\\t)+(?:at |\.\.\. \d+ (?:more|lines? matching))(?:[^"\\]|\\[^nr])*/g;

/**
 * The prefix of an absolute path into a `node_modules` folder (dependencies installed outside
 * the install directory too, such as a global or cached copy), up to the first `node_modules`:
 * the path must start after a separator (space, quote, bracket, `:`), not inside another path.
 */
const NODE_MODULES_PREFIX =
  /(?<![^\s'"`(<>:,;=/])(?:\/[^\s/'"`()<>:,;]+)+?\/node_modules\//g;

/** What stands for a removed path prefix (as the error handler writes it). */
export const PATH_PLACEHOLDER = '…';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces each of `installPaths` (absolute directories) with `…` wherever it is a whole path or
 * the start of one (`/srv/strata/plugins/x.ts` → `…/plugins/x.ts`, not `/srv/strata-old`), longest
 * first, and drops the prefix of any other `…/node_modules/` path.
 */
export function withoutInstallPaths(
  text: string,
  installPaths: readonly string[],
): string {
  let result = text.replace(
    NODE_MODULES_PREFIX,
    `${PATH_PLACEHOLDER}/node_modules/`,
  );
  const longestFirst = [...installPaths]
    .filter(p => p.length > 1)
    .sort((a, b) => b.length - a.length);
  for (const path of longestFirst) {
    const pattern = new RegExp(
      `(?<![\\w.\\-])${escapeRegExp(path)}(?![\\w.\\-])`,
      'g',
    );
    result = result.replace(pattern, PATH_PLACEHOLDER);
  }
  return result;
}

/** Removes stack frame lines, plain or JSON-escaped; every other line stays as it was. */
export function withoutStackFrames(text: string): string {
  return text.replace(FRAME_LINE, '').replace(ESCAPED_FRAME_LINE, '');
}

/**
 * A log message as users may see it: no stack frames, no install paths.
 * `"Error: boom\n    at run (/srv/strata/node_modules/x/index.js:1:1)"` → `"Error: boom"`.
 */
export function scrubStack(
  text: string,
  installPaths: readonly string[],
): string {
  return withoutInstallPaths(withoutStackFrames(text), installPaths);
}
