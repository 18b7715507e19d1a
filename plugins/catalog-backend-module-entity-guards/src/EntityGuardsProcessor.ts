import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import { unsafeLinkRule } from '@internal/plugin-catalog-validation-common';

/** The configuration key of the size limit (config.d.ts). */
export const MAX_ENTITY_BYTES_KEY = 'strata.catalog.maxEntityBytes';

/** 256 KiB: two orders of magnitude above the largest entity in the demo organisation. */
export const DEFAULT_MAX_ENTITY_BYTES = 256 * 1024;

/** The size of an entity as the catalog stores and serves it: UTF-8 bytes of its JSON. */
export function entityBytes(entity: Entity): number {
  return Buffer.byteLength(JSON.stringify(entity), 'utf8');
}

const formatBytes = (n: number) =>
  n >= 1024
    ? `${n.toLocaleString('en-US')} bytes (${(n / 1024).toLocaleString(
        'en-US',
        { maximumFractionDigits: 1 },
      )} KiB)`
    : `${n} bytes`;

/**
 * Refuses entities the catalog should never store or serve:
 *
 * - larger than `maxEntityBytes` once processed (serialised JSON, UTF-8 bytes);
 * - with a link or URL/location annotation that the validator's `unsafe-link` rule
 *   (`@internal/plugin-catalog-validation-common`) reports as an error: `javascript:`, `data:`,
 *   `vbscript:` and malformed URLs. Its warnings (other schemes, e.g. `ftp:`) pass, exactly as
 *   they pass `strata-catalog validate` in CI.
 *
 * Both run in `validateEntityKind`, after every pre-processor (placeholders such as `$text` are
 * already substituted, so the measured size is what would be stored). A refusal is an
 * InputError: the processing result is not ok, so the catalog stores only the error, keeps
 * serving the last good version (with the error under `status.items`) and never serves an
 * entity that was never valid.
 */
export class EntityGuardsProcessor implements CatalogProcessor {
  private readonly maxEntityBytes: number;

  constructor(options?: { maxEntityBytes?: number }) {
    this.maxEntityBytes = options?.maxEntityBytes ?? DEFAULT_MAX_ENTITY_BYTES;
  }

  getProcessorName(): string {
    return 'EntityGuardsProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    const where =
      entity.metadata?.annotations?.[ANNOTATION_LOCATION] ??
      'an unknown location';
    const subject = `${stringifyEntityRef(entity)} in ${where}`;

    const size = entityBytes(entity);
    if (size > this.maxEntityBytes) {
      throw new InputError(
        `${subject} is ${formatBytes(
          size,
        )} as JSON, over the catalog's limit of ` +
          `${formatBytes(
            this.maxEntityBytes,
          )}. Make the entity smaller (move long text ` +
          `to a linked document), or raise ${MAX_ENTITY_BYTES_KEY} in app-config.`,
      );
    }

    const unsafe = unsafeLinkRule
      .check(entity)
      .filter(f => (f.severity ?? unsafeLinkRule.severity) === 'error');
    if (unsafe.length > 0) {
      throw new InputError(
        `${subject} has unsafe links (rule ${unsafeLinkRule.id}): ${unsafe
          .map(f => `${f.message} (fix: ${f.hint})`)
          .join('; ')}`,
      );
    }
    return false;
  }
}
