import { createTaskOutputFilter, taskOutputRoute } from './taskOutputFilter';

const INSTALL = '/srv/strata';
const stack = `Error: boom\n    at run (${INSTALL}/plugins/x/src/run.ts:6:11)`;
const event = (message: string) => ({ type: 'log', body: { message } });

describe('taskOutputRoute', () => {
  it.each([
    ['GET', '/api/scaffolder/v2/tasks/abc/events', 'events'],
    ['GET', '/api/scaffolder/v2/tasks/abc/events/', 'events'],
    ['GET', '/API/Scaffolder/v2/tasks/abc/EventStream', 'eventstream'],
    ['POST', '/api/scaffolder/v2/dry-run', 'dry-run'],
  ])('%s %s is %s', (method, path, route) => {
    expect(taskOutputRoute(method, path)).toBe(route);
  });

  it.each([
    ['GET', '/api/scaffolder/v2/tasks/abc'],
    ['GET', '/api/scaffolder/v2/tasks'],
    ['POST', '/api/scaffolder/v2/tasks/abc/events'],
    ['GET', '/api/scaffolder/v2/dry-run'],
    ['GET', '/api/catalog/entities'],
  ])('%s %s is none', (method, path) => {
    expect(taskOutputRoute(method, path)).toBeUndefined();
  });
});

describe('createTaskOutputFilter', () => {
  const filter = createTaskOutputFilter({ installPaths: [INSTALL] });

  /** A response that records what reaches the socket. */
  function fakeResponse() {
    const sent = {
      json: undefined as unknown,
      written: [] as string[],
      ended: false,
    };
    const res = {
      json(body: unknown) {
        sent.json = body;
        return res;
      },
      write(chunk: string | Buffer, callback?: () => void) {
        sent.written.push(String(chunk));
        callback?.();
        return true;
      },
      end(callback?: () => void) {
        sent.ended = true;
        callback?.();
        return res;
      },
    };
    return { res, sent };
  }

  const handle = (method: string, path: string) => {
    const { res, sent } = fakeResponse();
    const next = jest.fn();
    filter({ method, path } as never, res as never, next);
    expect(next).toHaveBeenCalledWith();
    return { res, sent };
  };

  it('scrubs the events answer', () => {
    const { res, sent } = handle('GET', '/api/scaffolder/v2/tasks/t1/events');
    res.json([event(stack)]);
    expect(sent.json).toEqual([event('Error: boom')]);
  });

  it("scrubs the dry run's log", () => {
    const { res, sent } = handle('POST', '/api/scaffolder/v2/dry-run');
    res.json({ log: [event(stack)], directoryContents: [], output: {} });
    expect(sent.json).toEqual({
      log: [event('Error: boom')],
      directoryContents: [],
      output: {},
    });
  });

  it('scrubs the event stream, whether written as strings or buffers, in pieces', () => {
    const { res, sent } = handle(
      'GET',
      '/api/scaffolder/v2/tasks/t1/eventstream',
    );
    const whole = `event: log\ndata: ${JSON.stringify(event(stack))}\n\n`;
    const bytes = Buffer.from(whole);
    const callback = jest.fn();
    res.write(bytes.subarray(0, 30) as never, callback);
    res.write(bytes.subarray(30) as never);
    res.write(`event: log\ndata: ${JSON.stringify(event('é ok'))}`);
    res.end();
    expect(sent.written.join('')).toBe(
      `event: log\ndata: ${JSON.stringify(event('Error: boom'))}\n\n` +
        `event: log\ndata: ${JSON.stringify(event('é ok'))}`,
    );
    expect(sent.ended).toBe(true);
    return new Promise<void>(resolve => process.nextTick(resolve)).then(() =>
      expect(callback).toHaveBeenCalled(),
    );
  });

  it('scrubs an error answer on the event stream route and sends it as JSON, not as events', () => {
    const { res, sent } = handle(
      'GET',
      '/api/scaffolder/v2/tasks/t1/eventstream',
    );
    res.json({ error: { name: 'NotFoundError', message: 'no task', stack } });
    expect(sent.json).toEqual({
      error: { name: 'NotFoundError', message: 'no task' },
    });
    // Express's res.json ends with res.end(body): that passes through as it is.
    res.end();
    expect(sent.written).toEqual([]);
    expect(sent.ended).toBe(true);
  });

  it('scrubs an error answer of the dry run (a step failed: upstream answers 500 with its error)', () => {
    const { res, sent } = handle('POST', '/api/scaffolder/v2/dry-run');
    res.json({ error: { name: 'Error', message: `read ${INSTALL}/x`, stack } });
    expect(sent.json).toEqual({
      error: { name: 'Error', message: 'read …/x' },
    });
  });

  it('leaves other routes untouched', () => {
    const { res, sent } = handle('GET', '/api/scaffolder/v2/tasks/t1');
    res.json({ status: 'failed', note: stack });
    expect(sent.json).toEqual({ status: 'failed', note: stack });
  });
});
