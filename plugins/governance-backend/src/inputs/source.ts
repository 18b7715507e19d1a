import { ResponseError } from '@backstage/errors';

/** What happened to one optional input: its data, or why the evaluation runs without it. */
export type SourceResult<T> =
  | { status: 'ok'; data: T }
  | { status: 'unavailable'; reason: string };

/**
 * Reads an optional input. A plugin that is not installed answers 404 at its base URL, one
 * that is down refuses or times out; either way the evaluation goes on without it and its
 * record says why, instead of failing or silently skipping rules.
 */
export async function optionalSource<T>(
  name: string,
  read: () => Promise<T | SourceResult<T>>,
): Promise<SourceResult<T>> {
  try {
    const result = await read();
    if (isSourceResult(result)) return result;
    return { status: 'ok', data: result };
  } catch (error) {
    return { status: 'unavailable', reason: describe(name, error) };
  }
}

/** `ok` or `unavailable: <reason>`, as the evaluation records it. */
export function sourceStatus(result: SourceResult<unknown>): string {
  return result.status === 'ok' ? 'ok' : `unavailable: ${result.reason}`;
}

function isSourceResult<T>(value: unknown): value is SourceResult<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    ((value as { status: unknown }).status === 'ok' ||
      (value as { status: unknown }).status === 'unavailable') &&
    ('data' in value || 'reason' in value)
  );
}

function describe(name: string, error: unknown): string {
  if (error instanceof ResponseError) {
    return error.response.status === 404
      ? `the ${name} plugin is not installed (404 at its API)`
      : `the ${name} plugin answered ${error.response.status}: ${
          error.body?.error?.message ?? error.message
        }`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `the ${name} plugin could not be reached: ${message}`;
}
