/*
 * A complete list of a collection in pages (limit/continue), as one consistent snapshot: every
 * page of a chunked list is served from the first page's resourceVersion, which the watch then
 * resumes from. If the continue token expires mid-way (410 Gone: the API server compacted that
 * snapshot), the list starts over, as client-go's pager does.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { SlimObject } from '../cache/objects';
import { ResourceKind, listPage } from './resourceKinds';

const MAX_RESTARTS = 3;

function isGone(err: any): boolean {
  return err?.code === 410 || err?.statusCode === 410;
}

export async function listAllPages(
  kc: KubeConfig,
  kind: ResourceKind,
  options: { namespace?: string; pageSize: number; onRequest?: () => void },
): Promise<{ metadata: { resourceVersion?: string }; items: SlimObject[] }> {
  for (let attempt = 0; ; attempt++) {
    const items: SlimObject[] = [];
    let resourceVersion: string | undefined;
    let continueToken: string | undefined;
    try {
      do {
        options.onRequest?.();
        const page = await listPage(kc, kind, {
          namespace: options.namespace,
          limit: options.pageSize,
          continueToken,
        });
        resourceVersion ??= page.metadata?.resourceVersion;
        for (const raw of page.items ?? []) items.push(kind.slim(raw));
        continueToken = page.metadata?.continue || undefined;
      } while (continueToken);
      return { metadata: { resourceVersion }, items };
    } catch (err) {
      if (continueToken && isGone(err) && attempt < MAX_RESTARTS) continue;
      throw err;
    }
  }
}
