import { isChildPath } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessor, LocationSpec } from '@backstage/plugin-catalog-node';
import { localRepositoryOf } from '@internal/plugin-local-repositories-node';
import { JsonValue } from '@backstage/types';
import fs from 'node:fs/promises';
import path from 'node:path';
import { inlineTextPlaceholders } from './inlineTextPlaceholders';

/**
 * Resolves `$text: ./openapi.yaml` in entities read from local repositories.
 *
 * The catalog resolves placeholders against the location as a URL, which a `file` location's
 * absolute path is not, so an API in a repository created offline by strata:publish:local
 * would fail processing. This processor runs before the catalog's placeholder processor
 * (priority 10 < 20) and inlines relative `$text` files, only for entities whose file lies
 * inside localRepositoriesDir and only from the same repository; all other entities are
 * left untouched.
 */
export class LocalRepositoryTextProcessor implements CatalogProcessor {
  constructor(private readonly repositoriesDir: string) {}

  getProcessorName() {
    return 'StrataLocalRepositoryTextProcessor';
  }

  getPriority() {
    return 10;
  }

  /** The repository folder holding `file`, or undefined when it is not a local repository. */
  private repositoryOf(file: string): string | undefined {
    const name = localRepositoryOf(this.repositoriesDir, file);
    return name ? path.join(this.repositoriesDir, name) : undefined;
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
  ): Promise<Entity> {
    if (location.type !== 'file') return entity;
    const repository = this.repositoryOf(path.resolve(location.target));
    if (!repository) return entity;
    const base = path.dirname(path.resolve(location.target));
    const read = async (relativePath: string) => {
      const file = path.resolve(base, relativePath);
      // isChildPath follows symbolic links, so a link cannot lead out of the repository.
      if (!isChildPath(repository, file)) {
        throw new Error(
          `Placeholder $text may only read files of the same repository, not ${relativePath}`,
        );
      }
      return fs.readFile(file, 'utf8');
    };
    return (await inlineTextPlaceholders(
      entity as unknown as JsonValue,
      read,
    )) as unknown as Entity;
  }
}
