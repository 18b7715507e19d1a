import { billingTeamReport } from '../__fixtures__/dora';
import { group } from '../__fixtures__/entities';
import { DORA_METRICS } from './metrics';
import { defaultTeam, teamOptions } from './teams';
import { trendOf } from './trend';
import { countsSentence, hasNoData, trendWords } from './words';

const metric = (key: string) => DORA_METRICS.find(m => m.key === key)!;

describe('trendOf', () => {
  it('calls more deployments better and more lead time worse', () => {
    expect(trendOf(1.5, 1.2, 'higher')).toEqual({
      direction: 'up',
      verdict: 'better',
    });
    expect(trendOf(7200, 3600, 'lower')).toEqual({
      direction: 'up',
      verdict: 'worse',
    });
    expect(trendOf(0.05, 0.1, 'lower')).toEqual({
      direction: 'down',
      verdict: 'better',
    });
    expect(trendOf(1, 2, 'higher')).toEqual({
      direction: 'down',
      verdict: 'worse',
    });
  });

  it('treats rounding noise as no change and missing figures as unknown', () => {
    expect(trendOf(100, 100.2, 'lower')).toEqual({ direction: 'same' });
    expect(trendOf(0, 0, 'higher')).toEqual({ direction: 'same' });
    expect(trendOf(null, 3, 'lower')).toEqual({ direction: 'unknown' });
  });
});

describe('trendWords', () => {
  const { previous, window } = billingTeamReport;

  it('says the previous value and whether the move is good', () => {
    expect(
      trendWords(
        metric('deploymentFrequency'),
        billingTeamReport,
        previous,
        window,
      ),
    ).toEqual({
      arrow: '↑',
      text: 'up from 1.2 per day in the 30 days before',
      verdict: 'better',
    });
    expect(
      trendWords(metric('leadTime'), billingTeamReport, previous, window),
    ).toEqual({
      arrow: '↑',
      text: 'up from 2 h in the 30 days before',
      verdict: 'worse',
    });
    expect(
      trendWords(metric('timeToRestore'), billingTeamReport, previous, window),
    ).toEqual({
      arrow: '→',
      text: 'same as the 30 days before (1 h)',
    });
  });

  it('says when there is nothing to compare with', () => {
    const noPrevious = { ...previous, changeFailureRate: null };
    expect(
      trendWords(
        metric('changeFailureRate'),
        billingTeamReport,
        noPrevious,
        window,
      ),
    ).toEqual({
      arrow: '',
      text: 'no figure for the 30 days before',
    });
  });
});

describe('counts', () => {
  it('reads the counts as a sentence', () => {
    expect(countsSentence(billingTeamReport)).toBe(
      '47 deployments (2 failed or rolled back), 2 incidents',
    );
    expect(
      countsSentence({ ...billingTeamReport, deployments: 1, incidents: 1 }),
    ).toBe('1 deployment (2 failed or rolled back), 1 incident');
  });

  it('knows when neither window has data', () => {
    expect(hasNoData(billingTeamReport, billingTeamReport.previous)).toBe(
      false,
    );
    const none = {
      ...billingTeamReport.previous,
      deployments: 0,
      incidents: 0,
    };
    expect(hasNoData(none, none)).toBe(true);
  });
});

describe('teams', () => {
  const options = teamOptions([
    group('engineering', 'Engineering', 'department'),
    group('platform', 'Platform'),
    group('billing', 'Billing'),
  ]);

  it('lists teams first, by title', () => {
    expect(options.map(o => o.title)).toEqual([
      'Billing',
      'Platform',
      'Engineering',
    ]);
    expect(options[0]).toEqual({
      ref: 'group:default/billing',
      title: 'Billing',
      isTeam: true,
    });
  });

  it("opens on the user's team, else the first team", () => {
    expect(
      defaultTeam(options, ['user:default/ana', 'group:default/platform']),
    ).toBe('group:default/platform');
    expect(defaultTeam(options, ['user:default/guest'])).toBe(
      'group:default/billing',
    );
    expect(defaultTeam([], [])).toBeUndefined();
  });
});
