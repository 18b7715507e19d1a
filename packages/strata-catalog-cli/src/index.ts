/**
 * strata-catalog: validates Backstage catalog files from the command line.
 *
 * @packageDocumentation
 */

import { runCli } from './main';

export { runCli } from './main';
export type { CliIo } from './main';

/** Runs the command with the process's arguments and sets its exit code. */
export function main(): void {
  runCli(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}
