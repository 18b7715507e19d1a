import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_SOURCE_READ_AT,
  ANNOTATION_SOURCE_VERSION,
  formatSourceVersion,
  SourceVersion,
} from '@internal/plugin-catalog-freshness-common';
import { headCommit } from '@internal/plugin-local-repositories-node';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PushedCommits } from './PushedCommits';

type Cached = { seen: string; readAt: string };

/**
 * Stamps every entity with the version of the source it was read from
 * (`strata.dev/source-version`) and when the portal first read it at that version
 * (`strata.dev/source-read-at`); the entity card shows both.
 *
 * The version: for a file of a local repository, its HEAD commit; for another file, its
 * modification time; for a GitHub URL, the head commit of the push that refreshed it; otherwise
 * a digest of the entity as read. The time changes only when the version or the entity's content
 * does (kept in the processor cache), so an unchanged entity is not re-stitched on every pass:
 * the stamp costs a stat or a small Git ref read per entity and no write.
 */
export class SourceStampProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      repositoriesDir: string;
      pushedCommits: PushedCommits;
      now?: () => Date;
    },
  ) {}

  getProcessorName() {
    return 'StrataSourceStamp';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    _emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const annotations = { ...entity.metadata.annotations };
    delete annotations[ANNOTATION_SOURCE_VERSION];
    delete annotations[ANNOTATION_SOURCE_READ_AT];
    const digest = createHash('sha256')
      .update(
        JSON.stringify({
          ...entity,
          metadata: { ...entity.metadata, annotations },
        }),
      )
      .digest('hex')
      .slice(0, 16);
    const version = formatSourceVersion(
      (await this.versionOf(location)) ?? { kind: 'sha256', value: digest },
    );
    const seen = `${version}|${digest}`;
    const cached = (await cache.get('stamp')) as Cached | undefined;
    let readAt = cached?.readAt;
    if (cached?.seen !== seen || !readAt) {
      readAt = (this.options.now?.() ?? new Date()).toISOString();
      await cache.set('stamp', { seen, readAt });
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [ANNOTATION_SOURCE_VERSION]: version,
          [ANNOTATION_SOURCE_READ_AT]: readAt,
        },
      },
    };
  }

  private async versionOf(
    location: LocationSpec,
  ): Promise<SourceVersion | undefined> {
    if (location.type === 'url') {
      const commit = this.options.pushedCommits.commitFor(location.target);
      return commit ? { kind: 'git', value: commit } : undefined;
    }
    if (location.type !== 'file') return undefined;
    const relative = path.relative(
      this.options.repositoriesDir,
      location.target,
    );
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      const repository = path.join(
        this.options.repositoriesDir,
        relative.split(path.sep)[0],
      );
      const commit = await headCommit(repository);
      if (commit) return { kind: 'git', value: commit };
    }
    const stat = await fs.stat(location.target).catch(() => undefined);
    return stat
      ? { kind: 'mtime', value: stat.mtime.toISOString() }
      : undefined;
  }
}
