import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Waits until the catalog serves `entityRef`, polling every `intervalMs`. Past `timeoutMs` it
 * throws a message that says what is known: the processing errors the catalog reports for the
 * entity's location, or that it has not processed the file yet.
 */
export async function waitUntilServed(options: {
  catalog: CatalogService;
  entityRef: string;
  credentials: BackstageCredentials;
  timeoutMs: number;
  intervalMs?: number;
}): Promise<void> {
  const { catalog, entityRef, credentials, timeoutMs } = options;
  const intervalMs = options.intervalMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (entity) return;
    if (Date.now() >= deadline) break;
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `The repository was created, but the catalog did not serve ${entityRef} within ${Math.round(
      timeoutMs / 1000,
    )} s. The catalog scans local repositories every minute; if ${entityRef} still does not appear, its catalog-info.yaml has a processing error (listed under the catalog's unprocessed entities).`,
  );
}
