/*
 * The two calls of the Prometheus HTTP API the source needs — instant and range queries —
 * spoken the same way to Prometheus, Thanos Query and Mimir (POST, form-encoded, so long
 * selectors fit). Every failure becomes an Error naming the URL and, when Prometheus
 * answered, its errorType and error message: the SLO card shows that text.
 */

/** One series of a vector or matrix answer: its labels and its values. */
export interface PromSeries {
  metric: Record<string, string>;
  /** [unix seconds, value as text] pairs (one for an instant vector). */
  values: Array<[number, string]>;
}

export interface PrometheusClientOptions {
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /**
   * Queries in flight at once (default 8): one SLO page asks ~18 counts per objective, and a
   * page of 50 services must not arrive at Prometheus as 900 simultaneous queries.
   */
  maxConcurrentQueries?: number;
  fetch?: typeof fetch;
}

interface ApiAnswer {
  status?: string;
  errorType?: string;
  error?: string;
  data?: {
    resultType?: string;
    result?: Array<{
      metric?: Record<string, string>;
      value?: [number, string];
      values?: Array<[number, string]>;
    }>;
  };
}

/** An error's name and message, read by shape: fetch's errors may come from another realm. */
function described(error: unknown): {
  name?: string;
  message: string;
  cause?: unknown;
} {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const e = error as { name?: string; message: unknown; cause?: unknown };
    return { name: e.name, message: String(e.message), cause: e.cause };
  }
  return { message: String(error) };
}

function causeText(error: unknown): string {
  const outer = described(error);
  // fetch's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND …) in its cause.
  if (outer.cause !== undefined)
    return `${outer.message}: ${described(outer.cause).message}`;
  return outer.message;
}

export class PrometheusClient {
  private readonly fetchImpl: typeof fetch;

  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: PrometheusClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Runs `fn` when fewer than maxConcurrentQueries are in flight (first come, first served). */
  private async limited<T>(fn: () => Promise<T>): Promise<T> {
    const max = this.options.maxConcurrentQueries ?? 8;
    if (this.inFlight >= max) {
      await new Promise<void>(resolve => this.waiting.push(resolve));
    } else {
      this.inFlight += 1;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; otherwise it is freed.
      if (next) next();
      else this.inFlight -= 1;
    }
  }

  /** An instant query evaluated at `time`. */
  async query(promql: string, time: Date): Promise<PromSeries[]> {
    return this.call('/api/v1/query', { query: promql, time: seconds(time) });
  }

  /** A range query: evaluations at start, start + step, … up to end (inclusive). */
  async queryRange(
    promql: string,
    start: Date,
    end: Date,
    stepMs: number,
  ): Promise<PromSeries[]> {
    return this.call('/api/v1/query_range', {
      query: promql,
      start: seconds(start),
      end: seconds(end),
      step: String(stepMs / 1000),
    });
  }

  private call(
    path: string,
    form: Record<string, string>,
  ): Promise<PromSeries[]> {
    return this.limited(() => this.send(path, form));
  }

  private async send(
    path: string,
    form: Record<string, string>,
  ): Promise<PromSeries[]> {
    const url = `${this.options.baseUrl}${path}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers: {
          ...this.options.headers,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (e) {
      if (described(e).name === 'TimeoutError') {
        throw new Error(
          `Prometheus at ${url} did not answer within ${this.options.timeoutMs} ms`,
        );
      }
      throw new Error(`Prometheus at ${url} is unreachable: ${causeText(e)}`);
    }
    const text = await response.text();
    let answer: ApiAnswer | undefined;
    try {
      answer = JSON.parse(text) as ApiAnswer;
    } catch {
      answer = undefined;
    }
    if (!response.ok || answer?.status !== 'success') {
      const detail = answer?.error
        ? `${answer.errorType ? `${answer.errorType}: ` : ''}${answer.error}`
        : text.trim().slice(0, 300) || response.statusText;
      throw new Error(
        `Prometheus at ${url} answered ${response.status}: ${detail}`,
      );
    }
    const data = answer.data;
    if (data?.resultType !== 'vector' && data?.resultType !== 'matrix') {
      throw new Error(
        `Prometheus at ${url} answered a ${
          data?.resultType ?? 'missing'
        } result where a vector or matrix was expected`,
      );
    }
    return (data.result ?? []).map(r => ({
      metric: r.metric ?? {},
      values: r.values ?? (r.value ? [r.value] : []),
    }));
  }
}

function seconds(time: Date): string {
  return String(time.getTime() / 1000);
}
