/*
 * The catalog API requests an entity page, a team page and the catalog list send, and a bounded
 * latency measurement of one request kind with 1 or more concurrent clients. Used by ingest.ts.
 */

export type CatalogQuery = { id: string; request: (i: number) => Promise<Response> };

/** The requests, each for a different service per `i` (deterministic). */
export function catalogQueries(options: {
  base: string;
  headers: Record<string, string>;
  refs: string[];
}): CatalogQuery[] {
  const { base, headers } = options;
  const services = options.refs.filter(r => r.startsWith('component:'));
  const pickService = (i: number) => services[(i * 7919) % services.length];
  const name = (ref: string) => ref.split('/')[1];
  const pad = (n: number) => String(n % services.length).padStart(5, '0');
  const teamOf = (svcName: string) =>
    `group:default/team-${String(Math.floor(Number(svcName.slice(4)) / 25)).padStart(4, '0')}`;
  const get = (url: string) => fetch(`${base}${url}`, { headers });
  return [
    { id: 'entity-by-name', request: i => get(`/entities/by-name/component/default/${name(pickService(i))}`) },
    { id: 'query-ownedBy', request: i => get(`/entities/by-query?filter=relations.ownedBy=${encodeURIComponent(teamOf(name(pickService(i))))}&limit=100`) },
    { id: 'query-dependencyOf', request: i => get(`/entities/by-query?filter=relations.dependencyOf=${encodeURIComponent(pickService(i))}`) },
    { id: 'query-producedBy', request: i => get(`/entities/by-query?filter=relations.producedBy=${encodeURIComponent(pickService(i))}`) },
    {
      // GET /entities?filter=…: the older list endpoint some entity cards still call.
      id: 'entities-dependencyOf',
      request: i => get(`/entities?filter=kind=resource,relations.dependencyOf=${encodeURIComponent(pickService(i))}`),
    },
    {
      id: 'by-refs-20',
      request: async i => {
        // ~20 related refs of the service: its relations' targets, topped up with neighbours.
        const svc = pickService(i);
        const n = Number(name(svc).slice(4));
        const refs = [svc, ...[1, 2, 3, 4].map(k => `component:default/svc-${pad(n + k)}`)];
        for (const suffix of ['-api', '-db', '-events']) {
          for (let k = 0; k < 5; k++) refs.push(`${suffix === '-api' ? 'api' : 'resource'}:default/svc-${pad(n + k)}${suffix}`);
        }
        return fetch(`${base}/entities/by-refs`, { method: 'POST', headers, body: JSON.stringify({ entityRefs: refs.slice(0, 20) }) });
      },
    },
    {
      // The catalog page's first page (by name, with its total count): every other request with
      // a lifecycle filter chip on.
      id: 'list-first-page',
      request: i => get(`/entities/by-query?filter=kind=component${i % 2 ? ',spec.lifecycle=experimental' : ''}&orderField=metadata.name,asc&limit=20`),
    },
    { id: 'facets', request: () => get(`/entity-facets?facet=spec.type&facet=spec.lifecycle&facet=metadata.tags&filter=kind=component`) },
  ];
}

function percentile(sorted: number[], p: number): number {
  const i = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.max(0, i)];
}

function countItems(parsed: any): number {
  if (Array.isArray(parsed)) return parsed.length;
  if (Array.isArray(parsed?.items)) return parsed.items.filter(Boolean).length;
  if (parsed?.facets) return Object.values(parsed.facets as Record<string, unknown[]>).reduce((n, v) => n + v.length, 0);
  return parsed?.metadata ? 1 : 0;
}

/**
 * `clients` loops sending one request after another until `requests` were sent in total or
 * `budgetMs` passed; 3 warm-up requests first (not counted). Any non-200 answer fails the run.
 */
export async function measureQuery(
  q: CatalogQuery,
  options: { clients: number; requests: number; budgetMs: number; aborted: () => boolean },
) {
  for (let w = 0; w < 3; w++) await (await q.request(w + 10_000)).arrayBuffer();
  const times: number[] = [];
  let items = 0;
  let next = 0;
  const start = performance.now();
  const client = async () => {
    while (next < options.requests && !options.aborted() && performance.now() - start < options.budgetMs) {
      const i = next++;
      const s = performance.now();
      const res = await q.request(i);
      const body = await res.text();
      times.push(performance.now() - s);
      if (res.status !== 200) throw new Error(`${q.id}: HTTP ${res.status} ${body.slice(0, 300)}`);
      items += countItems(JSON.parse(body));
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - start) / 1000;
  if (times.length === 0) return undefined;
  times.sort((a, b) => a - b);
  return {
    clients: options.clients,
    n: times.length,
    p50: +percentile(times, 50).toFixed(1),
    p95: +percentile(times, 95).toFixed(1),
    max: +times[times.length - 1].toFixed(1),
    perSecond: +(times.length / seconds).toFixed(1),
    avgItems: +(items / times.length).toFixed(1),
  };
}
