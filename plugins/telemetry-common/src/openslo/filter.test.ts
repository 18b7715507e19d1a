import { parseSpanFilter } from './filter';

describe('parseSpanFilter', () => {
  it.each([
    ['service.name="billing"', { serviceName: 'billing' }],
    [`service.name = 'billing'`, { serviceName: 'billing' }],
    ['service.name=="a\\"b"', { serviceName: 'a"b' }],
    [
      'service.name="billing" AND http.request.method="GET" AND http.route="/invoices/{id}" and http.response.status_code < 500',
      {
        serviceName: 'billing',
        operation: 'GET /invoices/{id}',
        status: 'non-5xx',
      },
    ],
    [
      'service.name="billing" AND span.name="POST /invoices"',
      { serviceName: 'billing', operation: 'POST /invoices' },
    ],
    [
      'span.name="process pipeline.run.completed"',
      { operation: 'process pipeline.run.completed' },
    ],
    [
      'service.name="x" AND http.response.status_code <= 499',
      { serviceName: 'x', status: 'non-5xx' },
    ],
    [
      'service.name="x" AND http.response.status_code >= 500',
      { serviceName: 'x', status: '5xx' },
    ],
    [
      'service.name="x" AND http.status_code > 499',
      { serviceName: 'x', status: '5xx' },
    ],
  ])('reads %s', (text, filter) => {
    expect(parseSpanFilter(text)).toEqual({ ok: true, filter });
  });

  it.each([
    ['', /empty/],
    [
      'service.name="a" OR service.name="b"',
      /only be joined with AND, not "OR"/,
    ],
    ['(service.name="a")', /unexpected "\("/],
    ['service.name!="a"', /can only be compared with = and a quoted string/],
    ['service.name=a', /can only be compared with = and a quoted string/],
    ['service.name="a', /unterminated string/],
    ['service.name="a" AND', /expected <attribute> <operator> <value>/],
    ['service.name="a" AND service.name="b"', /service.name is given twice/],
    [
      'service.name="a" AND http.route="/x"',
      /add http.request.method="GET" \(or whichever method\) to http.route="\/x", or write span.name="GET \/x"/,
    ],
    ['http.request.method="GET"', /http.request.method needs http.route/],
    [
      'span.name="GET /x" AND http.route="/x" AND http.request.method="GET"',
      /not both/,
    ],
    [
      'http.response.status_code < 400',
      /"< 500" \(successful\) or ">= 500" \(failing\)/,
    ],
    ['http.response.status_code = "200"', /"< 500"/],
    [
      'deployment.environment="prod"',
      /only service.name, span.name, http.request.method, http.route and http.response.status_code/,
    ],
  ])('refuses %j', (text, message) => {
    const result = parseSpanFilter(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
