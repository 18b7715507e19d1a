import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export const formats = ['text', 'github', 'json'] as const;
export type OutputFormat = (typeof formats)[number];

/** The environment variable read when --token is not given. */
export const tokenVariable = 'STRATA_CATALOG_TOKEN';

export type ValidateCommand = {
  command: 'validate';
  format: OutputFormat;
  /** Base URL of the portal to check references against. */
  portal?: string;
  token?: string;
  /** Strict mode: missing recommended service-model fields are errors, not warnings. */
  strict?: boolean;
  /** Files, directories or globs; empty means the default glob. */
  patterns: string[];
};

export type CliCommand = { command: 'help' } | ValidateCommand;

export const usage = `Usage: strata-catalog validate [options] [files, directories or globs...]

Validates Backstage catalog files the way the Strata portal's catalog ingests them.
Without paths it validates **/catalog-info.yaml (node_modules excluded).

Options:
  --format <text|github|json>  output format (default: text)
  --portal <url>               also check that every referenced entity exists in this portal
  --token <token>              bearer token for --portal (default: $${tokenVariable})
  --strict                     fields Strata recommends but Backstage does not require
                               (a service's tier, a database's engine and personalData,
                               a topic's name and schema) are errors, not warnings
  -h, --help                   show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.`;

function checkPortalUrl(portal: string): string {
  let url: URL;
  try {
    url = new URL(portal);
  } catch {
    throw new UsageError(`--portal must be an absolute URL, got "${portal}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--portal must be an http(s) URL, got "${portal}"`);
  }
  return portal.replace(/\/+$/, '');
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        portal: { type: 'string' },
        token: { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** Parses the command line (without the node and script arguments). */
export function parseCliArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): CliCommand {
  const { values, positionals } = parse(argv);
  if (values.help) {
    return { command: 'help' };
  }
  const [command, ...patterns] = positionals;
  if (command === undefined) {
    throw new UsageError('missing command: try "strata-catalog validate"');
  }
  if (command !== 'validate') {
    throw new UsageError(`unknown command "${command}"`);
  }
  const format = (values.format ?? 'text') as OutputFormat;
  if (!formats.includes(format)) {
    throw new UsageError(
      `--format must be one of ${formats.join(', ')}, got "${values.format}"`,
    );
  }
  if (values.token !== undefined && values.portal === undefined) {
    throw new UsageError('--token is only used with --portal');
  }
  const result: ValidateCommand = { command, format, patterns };
  if (values.strict) {
    result.strict = true;
  }
  if (values.portal !== undefined) {
    result.portal = checkPortalUrl(values.portal);
    const token = values.token ?? env[tokenVariable];
    if (token) {
      result.token = token;
    }
  }
  return result;
}
