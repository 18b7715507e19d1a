import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import fs from 'node:fs/promises';

/** The file name the script is served and saved under. */
export const CLI_SCRIPT_NAME = 'strata-catalog.mjs';

/** How to build it; said in the 503 answer and the start-up log. */
export const CLI_BUILD_COMMAND =
  'yarn workspace @internal/strata-catalog-cli bundle';

/** The self-contained strata-catalog script, as served to CI jobs. */
export interface CliScript {
  /** Its text; throws ServiceUnavailableError when it has not been built. */
  read(): Promise<{ content: string; version: string }>;
}

/** The version in the script's second line: `// strata-catalog <version>: ...` */
export function versionOf(content: string): string {
  const head = content.slice(0, 512);
  return /^\/\/ strata-catalog (\S+?):/m.exec(head)?.[1] ?? 'unknown';
}

/**
 * The script built by `@internal/strata-catalog-cli`'s `scripts/bundle.mjs`
 * (`./strata start` and that package's build run it), read from its
 * dist-standalone folder. Kept in memory and read again when the file changes.
 */
export class CliScriptFile implements CliScript {
  static default(): CliScriptFile {
    return new CliScriptFile(
      resolvePackagePath(
        '@internal/strata-catalog-cli',
        'dist-standalone',
        CLI_SCRIPT_NAME,
      ),
    );
  }

  private cached?: { mtimeMs: number; content: string; version: string };

  constructor(readonly path: string) {}

  async read(): Promise<{ content: string; version: string }> {
    const stat = await fs.stat(this.path).catch(() => undefined);
    if (!stat) {
      throw new ServiceUnavailableError(
        `The ${CLI_SCRIPT_NAME} script has not been built on this portal; its operator can build it with "${CLI_BUILD_COMMAND}"`,
      );
    }
    if (this.cached?.mtimeMs !== stat.mtimeMs) {
      const content = await fs.readFile(this.path, 'utf8');
      this.cached = {
        mtimeMs: stat.mtimeMs,
        content,
        version: versionOf(content),
      };
    }
    return { content: this.cached.content, version: this.cached.version };
  }
}
