/** One request a client made to the fake backend. */
export interface RecordedCall {
  url: string;
  method?: string;
  /** The request body as sent (a JSON string for JSON bodies). */
  body?: unknown;
}

/** A fake backend for a plugin's API client tests, with what the client sent. */
export interface FakeBackend {
  /** Hand these to the client under test. */
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
  /** Every request so far, in order. */
  calls: RecordedCall[];
  urls(): string[];
  /** "GET http://backend/api/x/v1/y" per request. */
  requests(): string[];
  /** Changes the answer to every later request. */
  answerWith(status: number, body?: unknown): void;
}

/**
 * A backend that answers every request with one status and JSON body (no body when
 * `body` is undefined, as for a 204), and records the requests. Plain functions, no jest
 * mocks, so it works the same in any test. Base URL: `http://backend/api/<pluginId>`.
 */
export function fakeBackend(status: number, body?: unknown): FakeBackend {
  let answer = { status, body };
  const calls: RecordedCall[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method, body: init?.body });
    return new Response(
      answer.body === undefined ? null : JSON.stringify(answer.body),
      {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      },
    );
  };
  return {
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backend/api/${pluginId}`,
    },
    fetchApi: { fetch: fakeFetch as typeof fetch },
    calls,
    urls: () => calls.map(call => call.url),
    // fetch's own default is GET, so a request without a method is one.
    requests: () => calls.map(call => `${call.method ?? 'GET'} ${call.url}`),
    answerWith: (nextStatus, nextBody) => {
      answer = { status: nextStatus, body: nextBody };
    },
  };
}
