import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';
import {
  LOCAL_CATALOG_FILE_NAME,
  repositoryNameProblem,
} from '@internal/plugin-local-repositories-node';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Puts the catalog file of every repository created on this Strata (strata:publish:local,
 * `<localRepositoriesDir>/<name>/catalog-info.yaml`) into the catalog, the way GitHub
 * discovery does for an organisation's repositories.
 *
 * Why a provider and not `POST /api/catalog/locations`: the catalog's API then keeps
 * Backstage's default of accepting only `url` locations, so no signed-in user can make the
 * portal read a file of the host; the provider only ever offers files it found in the
 * repositories folder itself. A scan is cheap (one directory listing), and each one replaces
 * the provider's whole set, so a removed repository leaves the catalog too.
 */
export class LocalRepositoriesProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly options: {
      repositoriesDir: string;
      logger: LoggerService;
      /** Runs the periodic scan that catches what no event announced. */
      taskRunner: SchedulerServiceTaskRunner;
    },
  ) {}

  getProviderName() {
    return 'strata-local-repositories';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:scan`,
      fn: async () => {
        await this.scan();
      },
    });
  }

  /**
   * The catalog files of the repositories folder, sorted; symbolic links are not followed, and
   * folders whose name breaks the repository-name rule (dot folders among them) were not made
   * by Strata and are left out.
   */
  async catalogFiles(): Promise<string[]> {
    const entries = await fs
      .readdir(this.options.repositoriesDir, { withFileTypes: true })
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
    const files: string[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || repositoryNameProblem(entry.name)) continue;
      const file = path.join(
        this.options.repositoriesDir,
        entry.name,
        LOCAL_CATALOG_FILE_NAME,
      );
      const stat = await fs.lstat(file).catch(() => undefined);
      if (stat?.isFile()) files.push(file);
    }
    return files.sort();
  }

  /**
   * Scans the folder and hands the catalog one Location per repository; returns how many.
   * Before the catalog has connected there is nothing to hand to: the first scheduled scan
   * runs as soon as it does.
   */
  async scan(): Promise<number> {
    if (!this.connection) return 0;
    const files = await this.catalogFiles();
    await this.connection.applyMutation({
      type: 'full',
      entities: files.map(target => {
        const location = { type: 'file', target };
        return {
          entity: locationSpecToLocationEntity({ location }),
          locationKey: `file:${target}`,
        };
      }),
    });
    this.options.logger.debug(
      `Offered ${files.length} local repositories to the catalog`,
    );
    return files.length;
  }
}
