import { specProblems } from './specAnswers';

const json = { 'content-type': 'application/json; charset=utf-8' };
const error = (status: number) =>
  JSON.stringify({
    error: { name: 'ServiceUnavailableError', message: 'not built' },
    request: { method: 'GET', url: '/cli/strata-catalog.mjs' },
    response: { statusCode: status },
  });

/** The checker used where wrapServer cannot check (the served script) finds what it must. */
describe('specProblems', () => {
  it('accepts the script as text/javascript and a declared error body', () => {
    expect(
      specProblems('get', '/cli/strata-catalog.mjs', {
        status: 200,
        headers: { 'content-type': 'text/javascript; charset=utf-8' },
        text: 'console.log(1)',
      }),
    ).toEqual([]);
    expect(
      specProblems('get', '/cli/strata-catalog.mjs', {
        status: 503,
        headers: json,
        text: error(503),
      }),
    ).toEqual([]);
  });

  it('names a content type the spec does not declare', () => {
    expect(
      specProblems('get', '/cli/strata-catalog.mjs', {
        status: 200,
        headers: json,
        text: '"script"',
      }),
    ).toEqual([
      "content type 'application/json' for 200; the spec declares text/javascript",
    ]);
  });

  it('names what an error body lacks', () => {
    expect(
      specProblems('get', '/cli/strata-catalog.mjs', {
        status: 500,
        headers: json,
        text: JSON.stringify({ error: { name: 'Error' } }),
      }),
    ).toEqual([
      "body must have required property 'response'",
      "body/error must have required property 'message'",
    ]);
  });

  it('names an operation the spec does not have', () => {
    expect(
      specProblems('post', '/cli/strata-catalog.mjs', {
        status: 200,
        headers: {},
        text: '',
      }),
    ).toEqual(['the spec has no POST /cli/strata-catalog.mjs']);
  });
});
