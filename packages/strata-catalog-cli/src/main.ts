import {
  validateCatalogFiles,
  withViolations,
} from '@internal/plugin-catalog-validation-common';
import { parseCliArgs, usage, ValidateCommand } from './args';
import { IoError, UsageError } from './errors';
import { findCatalogFiles, readCatalogFiles } from './files';
import { formatResult } from './formatters';
import { checkPortalReferences } from './portalReferences';
import { referencedSloFiles } from './sloFiles';

/** Where the command reads and writes; replaceable in tests. */
export type CliIo = {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  fetch?: typeof fetch;
};

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: text => process.stdout.write(`${text}\n`),
    stderr: text => process.stderr.write(`${text}\n`),
  };
}

async function validate(options: ValidateCommand, io: CliIo): Promise<number> {
  const { files, unmatched } = await findCatalogFiles(options.patterns, io.cwd);
  for (const pattern of unmatched) {
    io.stderr(`strata-catalog: note: ${pattern} matched no files`);
  }
  let inputs = await readCatalogFiles(files, io.cwd);
  let result = validateCatalogFiles(inputs, { strict: options.strict });
  // The SLO files the catalog files name are checked with them (OpenSLO rules).
  const slo = await referencedSloFiles(result.entities, files, io.cwd);
  if (slo.files.length > 0 || slo.missing.length > 0) {
    inputs = [...inputs, ...(await readCatalogFiles(slo.files, io.cwd))];
    result = withViolations(
      validateCatalogFiles(inputs, { strict: options.strict }),
      slo.missing,
    );
  }
  if (options.portal) {
    const portal = await checkPortalReferences(inputs, result, {
      baseUrl: options.portal,
      token: options.token,
      fetch: io.fetch,
    });
    io.stderr(
      `strata-catalog: checked ${portal.checked} referenced entities in ${options.portal}`,
    );
    result = withViolations(result, portal.violations);
  }
  io.stdout(formatResult(result, options.format));
  return result.errors > 0 ? 1 : 0;
}

/**
 * Runs `strata-catalog` with the given arguments and returns the exit code:
 * 0 no errors, 1 errors found, 2 usage or I/O error.
 */
export async function runCli(
  argv: string[],
  io: CliIo = processIo(),
): Promise<number> {
  try {
    const options = parseCliArgs(argv, io.env);
    if (options.command === 'help') {
      io.stdout(usage);
      return 0;
    }
    return await validate(options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`strata-catalog: ${e.message}\n\n${usage}`);
    } else if (e instanceof IoError) {
      io.stderr(`strata-catalog: ${e.message}`);
    } else {
      io.stderr(
        `strata-catalog: unexpected error: ${
          e instanceof Error ? e.stack : String(e)
        }`,
      );
    }
    return 2;
  }
}
