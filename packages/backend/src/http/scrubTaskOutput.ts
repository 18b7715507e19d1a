/**
 * The scaffolder's task output in the shapes its API answers with, without stack traces or
 * install paths in log messages (see scrubStack.ts). Pure; taskOutputFilter.ts applies it to
 * responses.
 *
 * Shapes (@backstage/plugin-scaffolder-backend's router):
 * - task event (`GET /v2/tasks/:id/events` answers an array of them, the event stream sends one
 *   per `data:` line): `{ id, taskId, type: 'log' | 'completion' | ..., body: { message,
 *   stepId?, status?, error?: { name, message }, output? }, createdAt }`
 * - dry-run log entry (`POST /v2/dry-run` answers `{ log: [...], directoryContents, output,
 *   steps }`): `{ body: { message, stepId?, status? } }`
 */
import { withoutStacks } from './errorAnswer';
import { scrubStack } from './scrubStack';

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A task event or dry-run log entry whose `body.message` and `body.error.message` have no stack
 * frames or install paths; anything else is returned as it was.
 */
export function scrubTaskEvent<T>(
  event: T,
  installPaths: readonly string[],
): T {
  if (!isRecord(event) || !isRecord(event.body)) return event;
  const body: JsonRecord = { ...event.body };
  if (typeof body.message === 'string') {
    body.message = scrubStack(body.message, installPaths);
  }
  if (isRecord(body.error)) {
    const error: JsonRecord = { ...body.error };
    if (typeof error.message === 'string') {
      error.message = scrubStack(error.message, installPaths);
    }
    delete error.stack;
    body.error = error;
  }
  return { ...event, body };
}

/**
 * An error answer in Backstage's shape (`{ error: { name, message, stack?, cause? }, request,
 * response }`) without stacks or install paths. The scaffolder's own error middleware answers
 * these routes' errors (a dry run whose step fails is a 500 with the step's error), with stacks
 * in development. Other bodies unchanged.
 */
export function scrubErrorBody<T>(body: T, installPaths: readonly string[]): T {
  if (!isRecord(body) || !isRecord(body.error)) return body;
  return {
    ...body,
    error: withoutStacks(body.error, installPaths),
  } as T;
}

/** The body of `GET /v2/tasks/:id/events` (an array of events, or an error answer). */
export function scrubTaskEvents<T>(
  body: T,
  installPaths: readonly string[],
): T {
  if (!Array.isArray(body)) return scrubErrorBody(body, installPaths);
  return body.map(event => scrubTaskEvent(event, installPaths)) as T;
}

/** The body of `POST /v2/dry-run` (its `log`, or an error answer). */
export function scrubDryRunResult<T>(
  body: T,
  installPaths: readonly string[],
): T {
  if (!isRecord(body) || !Array.isArray(body.log)) {
    return scrubErrorBody(body, installPaths);
  }
  return {
    ...body,
    log: body.log.map(entry => scrubTaskEvent(entry, installPaths)),
  } as T;
}

/** One line of a Server-Sent Events message; `data:` lines carry a JSON task event. */
function scrubSseLine(line: string, installPaths: readonly string[]): string {
  const match = /^data: ?(.*)$/.exec(line);
  if (!match) return line;
  try {
    const event = JSON.parse(match[1]);
    return `data: ${JSON.stringify(scrubTaskEvent(event, installPaths))}`;
  } catch {
    // Not JSON: still no frames (escaped or not) and no install paths.
    return scrubStack(line, installPaths);
  }
}

/**
 * Scrubs a Server-Sent Events stream written in arbitrary chunks. Complete messages (ending with
 * a blank line) are scrubbed and returned as soon as they are complete; an incomplete tail is
 * held until the next chunk or `end()`, so a frame split across two writes is still seen whole.
 */
export class SseTaskEventScrubber {
  #pending = '';

  constructor(private readonly installPaths: readonly string[]) {}

  /** Adds a chunk; returns the text that may be sent now (possibly empty). */
  push(chunk: string): string {
    this.#pending += chunk;
    const end = this.#pending.lastIndexOf('\n\n');
    if (end < 0) return '';
    const complete = this.#pending.slice(0, end + 2);
    this.#pending = this.#pending.slice(end + 2);
    return this.#scrub(complete);
  }

  /** The held tail, scrubbed; call when the stream ends. */
  end(): string {
    const rest = this.#pending;
    this.#pending = '';
    return rest ? this.#scrub(rest) : '';
  }

  #scrub(text: string): string {
    return text
      .split('\n')
      .map(line => scrubSseLine(line, this.installPaths))
      .join('\n');
  }
}
