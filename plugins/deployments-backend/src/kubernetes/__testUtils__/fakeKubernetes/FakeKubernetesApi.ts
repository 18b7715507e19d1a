/*
 * A local fake of the Kubernetes API server's REST API, for tests and the benchmark: node http
 * on 127.0.0.1 and a random port, spoken to by the real @kubernetes/client-node.
 *
 * What it serves, as kube-apiserver does:
 * - list (`GET /api/v1/pods`, `/apis/apps/v1/namespaces/{ns}/deployments`, …) with a
 *   resourceVersion in the list metadata, `limit`/`continue` paging (items in key order, a
 *   continue token that expires with compaction), `fieldSelector` and `labelSelector`
 *   (equality), and 410 Expired for a list at a compacted `resourceVersion`;
 * - get (`…/{name}`) with 404 NotFound;
 * - watch (`?watch=true&resourceVersion=…`): the events after that version, then live ones, one
 *   JSON object per line (ADDED, MODIFIED, DELETED, BOOKMARK when `allowWatchBookmarks=true`);
 *   a compacted version gets a 200 and one ERROR event carrying a 410 Expired Status, then the
 *   stream ends; `timeoutSeconds` ends the stream;
 * - 401 Unauthorized without a known bearer token and 403 Forbidden per verb/resource/namespace,
 *   with the Status bodies the API server writes;
 * - injectable latency before every response.
 * One global resourceVersion counter across kinds, as etcd has. Paging does not keep old
 * snapshots: pages after the first are read from the current state (tests do not write during a
 * paged list).
 */
import http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import {
  StatusBody,
  continueExpiredStatus,
  forbiddenStatus,
  listExpiredStatus,
  notFoundStatus,
  unauthorizedStatus,
  watchExpiredStatus,
} from './statuses';

type Obj = Record<string, any>;

interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

const RESOURCE_TYPES: ResourceType[] = [
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod' },
  { group: '', version: 'v1', plural: 'events', kind: 'Event' },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment' },
  { group: 'apps', version: 'v1', plural: 'replicasets', kind: 'ReplicaSet' },
  {
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
  },
];

const typeOfKind = (kind: string) => RESOURCE_TYPES.find(t => t.kind === kind);
const apiVersionOf = (t: ResourceType) =>
  t.group ? `${t.group}/${t.version}` : t.version;

export type Verb = 'list' | 'watch' | 'get';

export interface RecordedRequest {
  verb: Verb;
  resource: string;
  namespace?: string;
  query: Record<string, string>;
}

interface LogEntry {
  rv: number;
  plural: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: Obj;
}

interface Watcher {
  plural: string;
  namespace?: string;
  matches: (o: Obj) => boolean;
  bookmarks: boolean;
  res: http.ServerResponse;
  type: ResourceType;
}

export interface FakeKubernetesOptions {
  /** Bearer tokens accepted; others get 401. Default: any request is accepted. */
  tokens?: string[];
  /** The user named in 403 messages. */
  user?: string;
  latencyMs?: number;
}

function keyOf(o: Obj) {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
}

function pathValue(o: Obj, path: string): unknown {
  return path
    .split('.')
    .reduce<any>(
      (v, k) => (v === undefined || v === null ? undefined : v[k]),
      o,
    );
}

/** Equality-only selectors: `a=b,c!=d` (what field selectors support, and the common label case). */
function selectorMatcher(
  text: string | undefined,
  read: (o: Obj, key: string) => unknown,
) {
  if (!text) return () => true;
  const terms = text.split(',').map(t => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(t.trim());
    if (!m) throw new Error(`unsupported selector ${t}`);
    return { key: m[1], negate: m[2] === '!=', value: m[3] };
  });
  return (o: Obj) =>
    terms.every(t => {
      const v = read(o, t.key);
      const equal = String(v ?? '') === t.value;
      return t.negate ? !equal : equal;
    });
}

export class FakeKubernetesApi {
  latencyMs: number;
  readonly requests: RecordedRequest[] = [];
  private readonly objects = new Map<string, Map<string, Obj>>();
  private log: LogEntry[] = [];
  private rv = 1000;
  private compactedRv = 0;
  private readonly watchers = new Set<Watcher>();
  private readonly forbidden: Array<{
    verb?: Verb;
    resource: string;
    namespace?: string;
  }> = [];
  private readonly sockets = new Set<Socket>();
  private held: Array<() => void> | undefined;
  private server?: http.Server;
  private readonly tokens?: string[];
  private readonly user: string;
  private uidCounter = 0;

  constructor(options: FakeKubernetesOptions = {}) {
    this.tokens = options.tokens;
    this.user = options.user ?? 'system:serviceaccount:backstage:strata-reader';
    this.latencyMs = options.latencyMs ?? 0;
    for (const t of RESOURCE_TYPES) this.objects.set(t.plural, new Map());
  }

  /** Starts listening on 127.0.0.1 and a random port; returns the base URL. */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(err => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      });
    });
    this.server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    return this.url;
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const w of this.watchers) w.res.end();
    this.watchers.clear();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  // ---- state -------------------------------------------------------------------------------

  get resourceVersion(): number {
    return this.rv;
  }

  /** Creates or replaces an object (kind decides the collection); returns it as stored. */
  apply(input: Obj): Obj {
    const type = typeOfKind(input.kind);
    if (!type) throw new Error(`fake API does not serve kind ${input.kind}`);
    const store = this.objects.get(type.plural)!;
    const existing = store.get(keyOf(input));
    const obj: Obj = structuredClone(input);
    obj.apiVersion = apiVersionOf(type);
    obj.metadata = { ...obj.metadata };
    obj.metadata.uid ??= existing?.metadata.uid ?? `uid-${++this.uidCounter}`;
    obj.metadata.creationTimestamp ??=
      existing?.metadata.creationTimestamp ?? new Date().toISOString();
    obj.metadata.resourceVersion = String(++this.rv);
    store.set(keyOf(obj), obj);
    this.record(type, existing ? 'MODIFIED' : 'ADDED', obj);
    return obj;
  }

  remove(kind: string, namespace: string, name: string): void {
    const type = typeOfKind(kind)!;
    const store = this.objects.get(type.plural)!;
    const existing = store.get(`${namespace}/${name}`);
    if (!existing) return;
    store.delete(`${namespace}/${name}`);
    const obj = {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(++this.rv) },
    };
    this.record(type, 'DELETED', obj);
  }

  get(kind: string, namespace: string, name: string): Obj | undefined {
    return this.objects
      .get(typeOfKind(kind)!.plural)!
      .get(`${namespace}/${name}`);
  }

  /** Forgets the event history up to now: watches and lists from older versions get 410 Gone. */
  compact(): void {
    this.compactedRv = this.rv;
    this.log = [];
  }

  /** The 403 the API server answers when RBAC does not allow the verb. */
  forbid(rule: { verb?: Verb; resource: string; namespace?: string }): void {
    this.forbidden.push(rule);
  }

  allowAll(): void {
    this.forbidden.length = 0;
  }

  /** Sends every live watch a BOOKMARK with the current resourceVersion (if it asked for them). */
  sendBookmarks(): void {
    for (const w of this.watchers) {
      if (!w.bookmarks) continue;
      this.writeEvent(w.res, {
        type: 'BOOKMARK',
        object: {
          kind: w.type.kind,
          apiVersion: apiVersionOf(w.type),
          metadata: { resourceVersion: String(this.rv) },
        },
      });
    }
  }

  /** Ends every live watch with an ERROR 410, as the API server does when it cannot continue one. */
  expireWatches(): void {
    for (const w of [...this.watchers]) {
      this.writeEvent(w.res, {
        type: 'ERROR',
        object: watchExpiredStatus(String(this.rv), this.rv),
      });
      this.endWatch(w);
    }
  }

  /** Cuts every live watch connection (a network drop: no final event). */
  dropWatches(): void {
    for (const w of [...this.watchers]) {
      this.watchers.delete(w);
      w.res.socket?.destroy();
    }
  }

  /** Holds new requests unanswered until release() (e.g. to change state while a watch is down). */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const go of held) go();
  }

  count(verb?: Verb, resource?: string): number {
    return this.requests.filter(
      r => (!verb || r.verb === verb) && (!resource || r.resource === resource),
    ).length;
  }

  get liveWatches(): number {
    return this.watchers.size;
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (this.held) await new Promise<void>(resolve => this.held!.push(resolve));
    if (this.latencyMs > 0)
      await new Promise(r => setTimeout(r, this.latencyMs));

    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams.entries());
    const route = this.route(url.pathname);
    if (!route)
      return this.sendStatus(res, notFoundStatus('', '', url.pathname));
    const { type, namespace, name } = route;
    const watching = query.watch === 'true' || query.watch === '1';
    let verb: Verb = watching ? 'watch' : 'list';
    if (name) verb = 'get';
    this.requests.push({ verb, resource: type.plural, namespace, query });

    if (this.tokens) {
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (!token || !this.tokens.includes(token))
        return this.sendStatus(res, unauthorizedStatus());
    }
    const rule = this.forbidden.find(
      f =>
        f.resource === type.plural &&
        (!f.verb || f.verb === verb) &&
        (f.namespace === undefined || f.namespace === namespace),
    );
    if (rule) {
      return this.sendStatus(
        res,
        forbiddenStatus({
          user: this.user,
          verb,
          resource: type.plural,
          group: type.group,
          namespace,
        }),
      );
    }

    if (verb === 'get') return this.serveGet(res, type, namespace ?? '', name!);
    if (verb === 'watch') return this.serveWatch(res, type, namespace, query);
    return this.serveList(res, type, namespace, query);
  }

  private route(
    pathname: string,
  ): { type: ResourceType; namespace?: string; name?: string } | undefined {
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let group = '';
    let version: string;
    let rest: string[];
    if (parts[0] === 'api') {
      version = parts[1];
      rest = parts.slice(2);
    } else if (parts[0] === 'apis') {
      group = parts[1];
      version = parts[2];
      rest = parts.slice(3);
    } else {
      return undefined;
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const type = RESOURCE_TYPES.find(
      t => t.group === group && t.version === version && t.plural === rest[0],
    );
    if (!type || rest.length > 2) return undefined;
    return { type, namespace, name: rest[1] };
  }

  private matcher(
    namespace: string | undefined,
    query: Record<string, string>,
  ) {
    const byField = selectorMatcher(query.fieldSelector, (o, k) =>
      pathValue(o, k),
    );
    const byLabel = selectorMatcher(
      query.labelSelector,
      (o, k) => o.metadata?.labels?.[k],
    );
    return (o: Obj) =>
      (namespace === undefined || o.metadata?.namespace === namespace) &&
      byField(o) &&
      byLabel(o);
  }

  private serveGet(
    res: http.ServerResponse,
    type: ResourceType,
    namespace: string,
    name: string,
  ) {
    const obj = this.objects.get(type.plural)!.get(`${namespace}/${name}`);
    if (!obj)
      return this.sendStatus(
        res,
        notFoundStatus(type.plural, type.group, name),
      );
    return this.sendJson(res, 200, { kind: type.kind, ...obj });
  }

  private serveList(
    res: http.ServerResponse,
    type: ResourceType,
    namespace: string | undefined,
    query: Record<string, string>,
  ) {
    const requestedRv = query.resourceVersion;
    if (
      requestedRv &&
      requestedRv !== '0' &&
      Number(requestedRv) < this.compactedRv
    ) {
      return this.sendStatus(res, listExpiredStatus());
    }
    let snapshotRv = this.rv;
    let after = '';
    if (query.continue) {
      const token = JSON.parse(
        Buffer.from(query.continue, 'base64').toString('utf8'),
      );
      if (token.rv < this.compactedRv)
        return this.sendStatus(res, continueExpiredStatus());
      snapshotRv = token.rv;
      after = token.start;
    }
    const matches = this.matcher(namespace, query);
    const all = [...this.objects.get(type.plural)!.values()]
      .filter(matches)
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
      .filter(o => keyOf(o) > after);
    const limit = query.limit ? Number(query.limit) : 0;
    const page = limit > 0 ? all.slice(0, limit) : all;
    const metadata: Obj = { resourceVersion: String(snapshotRv) };
    if (limit > 0 && all.length > limit) {
      metadata.continue = Buffer.from(
        JSON.stringify({ rv: snapshotRv, start: keyOf(page[page.length - 1]) }),
      ).toString('base64');
      metadata.remainingItemCount = all.length - limit;
    }
    // As the API server: items of a list carry no kind/apiVersion of their own.
    const items = page.map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
    return this.sendJson(res, 200, {
      kind: `${type.kind}List`,
      apiVersion: apiVersionOf(type),
      metadata,
      items,
    });
  }

  private serveWatch(
    res: http.ServerResponse,
    type: ResourceType,
    namespace: string | undefined,
    query: Record<string, string>,
  ) {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    });
    // The API server answers a watch at once, before any event: clients see it established.
    res.flushHeaders();
    const requested = query.resourceVersion ?? '';
    if (
      requested &&
      requested !== '0' &&
      Number(requested) < this.compactedRv
    ) {
      this.writeEvent(res, {
        type: 'ERROR',
        object: watchExpiredStatus(requested, this.compactedRv),
      });
      res.end();
      return;
    }
    const matches = this.matcher(namespace, query);
    const watcher: Watcher = {
      plural: type.plural,
      namespace,
      matches,
      bookmarks: query.allowWatchBookmarks === 'true',
      res,
      type,
    };
    if (!requested || requested === '0') {
      for (const o of this.objects.get(type.plural)!.values()) {
        if (matches(o))
          this.writeEvent(res, {
            type: 'ADDED',
            object: { kind: type.kind, ...o },
          });
      }
    } else {
      for (const entry of this.log) {
        if (
          entry.plural === type.plural &&
          entry.rv > Number(requested) &&
          matches(entry.object)
        ) {
          this.writeEvent(res, {
            type: entry.type,
            object: { kind: type.kind, ...entry.object },
          });
        }
      }
    }
    this.watchers.add(watcher);
    res.on('close', () => this.watchers.delete(watcher));
    if (query.timeoutSeconds) {
      const timer = setTimeout(
        () => this.endWatch(watcher),
        Number(query.timeoutSeconds) * 1000,
      );
      res.on('close', () => clearTimeout(timer));
    }
  }

  private record(type: ResourceType, eventType: LogEntry['type'], obj: Obj) {
    this.log.push({
      rv: Number(obj.metadata.resourceVersion),
      plural: type.plural,
      type: eventType,
      object: obj,
    });
    for (const w of this.watchers) {
      if (w.plural === type.plural && w.matches(obj)) {
        this.writeEvent(w.res, {
          type: eventType,
          object: { kind: type.kind, ...obj },
        });
      }
    }
  }

  private endWatch(w: Watcher) {
    this.watchers.delete(w);
    w.res.end();
  }

  private writeEvent(
    res: http.ServerResponse,
    event: { type: string; object: Obj },
  ) {
    if (!res.writableEnded) res.write(`${JSON.stringify(event)}\n`);
  }

  private sendStatus(res: http.ServerResponse, status: StatusBody) {
    return this.sendJson(res, status.code, status);
  }

  private sendJson(res: http.ServerResponse, code: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(code, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  }
}
