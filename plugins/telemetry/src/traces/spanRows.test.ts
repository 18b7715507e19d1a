import { failingRunTrace, slowRunTrace } from '../__fixtures__/traces';
import { keyAttributes, spanCount, spanRows } from './spanRows';

describe('spanRows', () => {
  it('lists a tree depth first with each bar placed on the trace timeline', () => {
    const rows = spanRows(failingRunTrace.root);
    expect(
      rows.map(r => [r.span.spanId, r.depth, r.offsetPercent, r.widthPercent]),
    ).toEqual([
      ['a1', 0, 0, 100],
      ['a2', 1, 0.6, 98.8],
      ['b1', 2, 1.2, 97.6],
      ['b2', 3, 2.4, 96.3],
    ]);
    expect(spanCount(failingRunTrace.root)).toBe(4);
  });

  it('orders children by start time and stretches the timeline to the last end', () => {
    const rows = spanRows(slowRunTrace.root);
    expect(rows.map(r => r.span.spanId)).toEqual(['c1', 'c2', 'c3']);
    // The root lasts 2400 ms; the publish starts at 2300 ms.
    expect(rows[2].offsetPercent).toBe(95.8);
    expect(rows[2].widthPercent).toBe(0.8);
  });

  it('gives a very short span a visible sliver', () => {
    const root = {
      ...slowRunTrace.root,
      children: [{ ...slowRunTrace.root.children[0], durationMs: 0.01 }],
    };
    expect(spanRows(root)[1].widthPercent).toBe(0.5);
  });
});

describe('keyAttributes', () => {
  it('puts method, route and status first, then the rest by name', () => {
    expect(keyAttributes(failingRunTrace.root)).toEqual([
      ['http.request.method', 'POST'],
      ['http.route', '/v1/pipelines/{id}/runs'],
      ['http.response.status_code', '503'],
    ]);
    expect(
      keyAttributes({
        ...failingRunTrace.root,
        attributes: { zeta: true, 'db.system': 'postgresql', alpha: 1 },
      }),
    ).toEqual([
      ['db.system', 'postgresql'],
      ['alpha', '1'],
      ['zeta', 'true'],
    ]);
  });
});
