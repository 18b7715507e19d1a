/** How long the catalog index is used before it is read again. */
export const CATALOG_REFRESH_MS = 60_000;

/** The soonest an index is read again because observed names did not map to entities. */
export const EARLY_REFRESH_MIN_MS = 5_000;

/** After a start, early reads keep the minimum interval this long (the catalog's first ingest). */
export const EARLY_REFRESH_STARTUP_MS = 2 * 60_000;

/** What to do for a reader: use the index, read it again in the background, or read it first. */
export type RefreshDecision = 'use' | 'refresh' | 'early';

/**
 * When to read the catalog index again. Pure: the caller passes the time and the observed names
 * (graph nodes: `otel:<service.name>`, `topic:<name>`, `db:<system>/<name>`) its answer is
 * about to resolve that the current index does not map to an entity.
 *
 * Every `refreshMs` (a minute) the index is read again whatever it maps. Sooner, after at least
 * `minEarlyMs` (5 s), only while a reader has names the index does not map: right after a start
 * the first read finds the catalog still ingesting, and waiting a minute left most of the
 * observed graph undeclared (`otel:…`, `topic:…`, `db:…`). A name may also truly have no
 * entity, though (a service nobody registered), and that must not read the whole catalog every
 * 5 s for ever. So the early interval backs off:
 *
 * - an early read that maps some name that was unmapped (the catalog is catching up) keeps the
 *   interval at `minEarlyMs`: while entities arrive, the index follows every 5 s;
 * - for the first `startupMs` (2 min) after the first read, that is all: `./strata start` has the
 *   catalog ingest for a minute or two, with pauses between entities, and a read that finds
 *   nothing new then says little;
 * - after that, an early read that maps none of them doubles it (5, 10, 20, 40 s) up to
 *   `refreshMs`, where early reads stop: names without entities cost the normal once a minute
 *   and no more (a service without an entity costs at most 24 extra reads after a start);
 * - a name no read has found unmapped yet (a new service, topic or database) is worth one read
 *   after `minEarlyMs` whatever the backoff, since its entity may just have been registered; it
 *   is unmapped-and-known after that read, so each new name costs at most one early read.
 *
 * After a failed read the index is kept and the catalog is not asked again for `minEarlyMs`
 * (before, every request retried it). The names kept as unmapped are at most the observed
 * graph's nodes.
 */
export class RefreshSchedule {
  private readonly refreshMs: number;
  private readonly minEarlyMs: number;
  private readonly startupMs: number;
  private firstLoadedAt?: number;
  private loadedAt?: number;
  private attemptedAt?: number;
  private earlyMs: number;
  /** Names found unmapped when an index was read, still unmapped. */
  private readonly knownUnmapped = new Set<string>();

  constructor(
    options: {
      refreshMs?: number;
      minEarlyMs?: number;
      startupMs?: number;
    } = {},
  ) {
    this.refreshMs = options.refreshMs ?? CATALOG_REFRESH_MS;
    this.startupMs = options.startupMs ?? EARLY_REFRESH_STARTUP_MS;
    this.minEarlyMs = Math.min(
      options.minEarlyMs ?? EARLY_REFRESH_MIN_MS,
      this.refreshMs,
    );
    this.earlyMs = this.minEarlyMs;
  }

  /** The early interval now (for logs and tests). */
  get earlyIntervalMs(): number {
    return this.earlyMs;
  }

  decide(nowMs: number, unmapped: readonly string[]): RefreshDecision {
    if (this.loadedAt === undefined) return 'early';
    const sinceAttempt = nowMs - (this.attemptedAt ?? this.loadedAt);
    if (nowMs - this.loadedAt >= this.refreshMs) {
      return sinceAttempt >= this.minEarlyMs ? 'refresh' : 'use';
    }
    if (unmapped.length === 0) return 'use';
    const wait = this.hasNew(unmapped) ? this.minEarlyMs : this.earlyMs;
    return wait < this.refreshMs && sinceAttempt >= wait ? 'early' : 'use';
  }

  /** A read started (whatever its outcome, the next early one waits from here). */
  started(nowMs: number) {
    this.attemptedAt = nowMs;
  }

  /**
   * A read succeeded. `asked`: the unmapped names the readers that caused it had; `maps`: whether
   * the new index maps a name.
   */
  loaded(
    nowMs: number,
    options: {
      early: boolean;
      asked: readonly string[];
      maps: (name: string) => boolean;
    },
  ) {
    // The first read has no index before it to catch up with.
    const starting =
      this.firstLoadedAt === undefined ||
      nowMs - this.firstLoadedAt < this.startupMs;
    this.firstLoadedAt ??= nowMs;
    this.loadedAt = nowMs;
    let mappedNow = false;
    for (const name of this.knownUnmapped) {
      if (options.maps(name)) {
        this.knownUnmapped.delete(name);
        mappedNow = true;
      }
    }
    for (const name of options.asked) {
      if (options.maps(name)) mappedNow = true;
      else this.knownUnmapped.add(name);
    }
    if (mappedNow) this.earlyMs = this.minEarlyMs;
    else if (options.early && !starting)
      this.earlyMs = Math.min(this.earlyMs * 2, this.refreshMs);
  }

  private hasNew(unmapped: readonly string[]): boolean {
    return unmapped.some(name => !this.knownUnmapped.has(name));
  }
}
