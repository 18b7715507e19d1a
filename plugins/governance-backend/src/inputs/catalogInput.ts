import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createHash } from 'node:crypto';

/** Entities per catalog page: large enough that 10,000 services are ~20 requests. */
const PAGE_SIZE = 500;

/** The fields the change probe reads: enough to notice any change of any entity. */
const PROBE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];

/**
 * Reads the catalog with the plugin's own credentials: the findings are about the whole
 * organisation (every namespace), whoever asks for them later.
 */
export class CatalogInput {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** Every entity, with relations, and the fingerprint of what was read. */
  async readAll(): Promise<{ entities: Entity[]; fingerprint: string }> {
    const entities: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      { pageSize: PAGE_SIZE },
      { credentials: await this.auth.getOwnServiceCredentials() },
    )) {
      entities.push(...page);
    }
    return { entities, fingerprint: fingerprintOf(entities) };
  }

  /**
   * The fingerprint alone, reading four small fields per entity. The catalog publishes no
   * event when an entity changes (its events are processing errors and conflicts), but it
   * gives every stitched entity a new etag whenever the entity or its relations change — so
   * the refs and etags of all entities change exactly when an evaluation could differ.
   */
  async fingerprint(): Promise<string> {
    const entities: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      { pageSize: PAGE_SIZE * 2, fields: PROBE_FIELDS },
      { credentials: await this.auth.getOwnServiceCredentials() },
    )) {
      entities.push(...page);
    }
    return fingerprintOf(entities);
  }
}

/** A hash of every entity's ref and etag, independent of the order the catalog served them in. */
export function fingerprintOf(entities: Entity[]): string {
  const lines = entities
    .map(e => `${stringifyEntityRef(e)} ${e.metadata.etag ?? ''}`)
    .sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}
