import {
  scrubDryRunResult,
  scrubTaskEvent,
  scrubTaskEvents,
  SseTaskEventScrubber,
} from './scrubTaskOutput';

const INSTALL = '/srv/strata';
const paths = [INSTALL];
const stack = `Error: boom\n    at run (${INSTALL}/plugins/x/src/run.ts:6:11)`;

const logEvent = (message: string) => ({
  id: 7,
  taskId: 'task-1',
  type: 'log',
  body: { message, stepId: 'publish', status: 'failed' },
  createdAt: '2026-01-01T00:00:00Z',
});

describe('scrubTaskEvent', () => {
  it("scrubs a log event's message and keeps every other field", () => {
    expect(scrubTaskEvent(logEvent(stack), paths)).toEqual(
      logEvent('Error: boom'),
    );
  });

  it("scrubs a completion event's error message and drops a stack if one is there", () => {
    const completion = {
      type: 'completion',
      body: {
        message: 'Run completed with status: failed',
        error: {
          name: 'Error',
          message: `cannot read ${INSTALL}/x.yaml`,
          stack,
        },
      },
    };
    expect(scrubTaskEvent(completion, paths)).toEqual({
      type: 'completion',
      body: {
        message: 'Run completed with status: failed',
        error: { name: 'Error', message: 'cannot read …/x.yaml' },
      },
    });
  });

  it('does not change its input', () => {
    const event = logEvent(stack);
    scrubTaskEvent(event, paths);
    expect(event.body.message).toBe(stack);
  });

  it('returns values without a body unchanged', () => {
    expect(scrubTaskEvent(null, paths)).toBeNull();
    expect(scrubTaskEvent('text', paths)).toBe('text');
    expect(scrubTaskEvent({ type: 'x' }, paths)).toEqual({ type: 'x' });
  });
});

describe('scrubTaskEvents and scrubDryRunResult', () => {
  it('scrub every event of an events answer', () => {
    expect(scrubTaskEvents([logEvent(stack), logEvent('ok')], paths)).toEqual([
      logEvent('Error: boom'),
      logEvent('ok'),
    ]);
  });

  it("scrub a dry run's log and leave its files and output as they were", () => {
    const result = {
      log: [{ body: { message: stack, stepId: 'fetch' } }],
      directoryContents: [{ path: 'README.md', base64Content: 'eA==' }],
      output: { links: [{ url: 'file:///tmp/x' }] },
    };
    expect(scrubDryRunResult(result, paths)).toEqual({
      ...result,
      log: [{ body: { message: 'Error: boom', stepId: 'fetch' } }],
    });
  });

  it('scrub an error answer: no stack (in development upstream adds one), no install path, causes too', () => {
    const answer = {
      error: {
        name: 'Error',
        message: `cannot read ${INSTALL}/deploy.yaml`,
        stack,
        cause: { name: 'Error', message: 'inner', stack },
      },
      request: { method: 'POST', url: '/v2/dry-run' },
      response: { statusCode: 500 },
    };
    const expected = {
      ...answer,
      error: {
        name: 'Error',
        message: 'cannot read …/deploy.yaml',
        cause: { name: 'Error', message: 'inner' },
      },
    };
    expect(scrubDryRunResult(answer, paths)).toEqual(expected);
    expect(scrubTaskEvents(answer, paths)).toEqual(expected);
  });

  it('leave other bodies unchanged', () => {
    const other = { items: [stack] };
    expect(scrubTaskEvents(other, paths)).toBe(other);
    expect(scrubDryRunResult(other, paths)).toBe(other);
  });
});

describe('SseTaskEventScrubber', () => {
  const sse = (event: object) =>
    `event: log\ndata: ${JSON.stringify(event)}\n\n`;

  it('scrubs each complete message as the scaffolder writes them', () => {
    const scrubber = new SseTaskEventScrubber(paths);
    expect(scrubber.push(sse(logEvent(stack)))).toBe(
      sse(logEvent('Error: boom')),
    );
    expect(scrubber.push(sse(logEvent('next')))).toBe(sse(logEvent('next')));
    expect(scrubber.end()).toBe('');
  });

  it('holds a message split across writes until it is complete', () => {
    const whole = sse(logEvent(stack)) + sse(logEvent('second'));
    const cut = whole.indexOf('    at run') + 5;
    const scrubber = new SseTaskEventScrubber(paths);
    const sent =
      scrubber.push(whole.slice(0, cut)) + scrubber.push(whole.slice(cut));
    expect(sent).toBe(sse(logEvent('Error: boom')) + sse(logEvent('second')));
  });

  it('scrubs a tail that never got its blank line when the stream ends', () => {
    const scrubber = new SseTaskEventScrubber(paths);
    expect(scrubber.push(`data: ${JSON.stringify(logEvent(stack))}`)).toBe('');
    expect(scrubber.end()).toBe(
      `data: ${JSON.stringify(logEvent('Error: boom'))}`,
    );
  });

  it('scrubs data that is not JSON as text, and passes comments and other fields', () => {
    const scrubber = new SseTaskEventScrubber(paths);
    const text = `: keep-alive\nid: 3\ndata: ${JSON.stringify(stack).slice(
      1,
      -1,
    )}\n\n`;
    expect(scrubber.push(text)).toBe(
      ': keep-alive\nid: 3\ndata: Error: boom\n\n',
    );
  });
});
