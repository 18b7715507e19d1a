/**
 * Entry point of the self-contained `strata-catalog.mjs` that the portal serves
 * (`scripts/bundle.mjs` builds it): the same command as `bin/strata-catalog`,
 * plus `--version`, which prints the version the bundle was built from.
 */
import { runCli } from './main';

/** Replaced by the bundler; absent when this file runs from source. */
declare const __STRATA_CATALOG_VERSION__: string | undefined;

/** `<package version>+<portal commit>` in a bundle, `source` otherwise. */
export const standaloneVersion =
  typeof __STRATA_CATALOG_VERSION__ === 'string'
    ? __STRATA_CATALOG_VERSION__
    : 'source';

/** Runs the command line; `--version` anywhere prints the version and exits 0. */
export async function runStandalone(
  argv: string[],
  stdout: (text: string) => void = text => process.stdout.write(`${text}\n`),
): Promise<number> {
  if (argv.includes('--version')) {
    stdout(`strata-catalog ${standaloneVersion}`);
    return 0;
  }
  return runCli(argv);
}

if (typeof __STRATA_CATALOG_VERSION__ === 'string') {
  runStandalone(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}
