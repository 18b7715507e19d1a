import { chartGeometry, describeSeries } from './geometry';

const at = (minute: number) =>
  new Date(Date.UTC(2026, 10, 22, 9, minute)).toISOString();

describe('chartGeometry', () => {
  it('lays values out by time and value, top is highest', () => {
    const g = chartGeometry(
      [
        { at: at(0), value: 1 },
        { at: at(1), value: 0.5 },
        { at: at(2), value: 0 },
      ],
      { width: 200, height: 100 },
    );
    expect(g.paths).toEqual(['M0,0 L100,50 L200,100']);
    expect(g.dots).toEqual([]);
    expect([g.yMin, g.yMax]).toEqual([0, 1]);
  });

  it('breaks the line at missing values and keeps lone values as dots', () => {
    const g = chartGeometry(
      [
        { at: at(0), value: 2 },
        { at: at(1), value: 4 },
        { at: at(2), value: null },
        { at: at(3), value: 4 },
        { at: at(4), value: null },
      ],
      { width: 400, height: 100, include: [0] },
    );
    expect(g.paths).toEqual(['M0,50 L100,0']);
    expect(g.dots).toEqual([{ x: 300, y: 0 }]);
  });

  it('keeps included values (0 and 1 for a budget) on the chart, and negatives below', () => {
    const g = chartGeometry(
      [
        { at: at(0), value: 1 },
        { at: at(60), value: -3 },
      ],
      { width: 100, height: 80, include: [0, 1] },
    );
    expect([g.yMin, g.yMax]).toEqual([-3, 1]);
    expect(g.yOf(0)).toBe(20);
    expect(g.paths).toEqual(['M0,0 L100,80']);
  });

  it('gives a flat or empty series some height instead of dividing by zero', () => {
    const flat = chartGeometry(
      [
        { at: at(0), value: 5 },
        { at: at(1), value: 5 },
      ],
      { width: 10, height: 10 },
    );
    expect([flat.yMin, flat.yMax]).toEqual([4.5, 5.5]);
    expect(flat.paths).toEqual(['M0,5 L10,5']);
    const empty = chartGeometry([{ at: at(0), value: null }], {
      width: 10,
      height: 10,
    });
    expect(empty.paths).toEqual([]);
    expect([empty.yMin, empty.yMax]).toEqual([0, 1]);
    const zeros = chartGeometry(
      [
        { at: at(0), value: 0 },
        { at: at(1), value: 0 },
      ],
      { width: 10, height: 10, include: [0] },
    );
    expect([zeros.yMin, zeros.yMax]).toEqual([0, 1]);
    expect(zeros.paths).toEqual(['M0,10 L10,10']);
  });
});

describe('describeSeries', () => {
  it('says the latest, lowest and highest values, or that there is none', () => {
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    expect(
      describeSeries(
        [
          { at: at(0), value: 1 },
          { at: at(1), value: null },
          { at: at(2), value: -1.2 },
          { at: at(3), value: 0.4 },
        ],
        pct,
      ),
    ).toBe('latest 40%, lowest -120%, highest 100%');
    expect(describeSeries([{ at: at(0), value: null }], pct)).toBe('no data');
  });
});
