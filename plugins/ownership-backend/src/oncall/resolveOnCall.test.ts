import type { OnCallProvider } from '@internal/plugin-ownership-node';
import { ORGANISATION } from '../__testUtils__/organisation';
import { resolveOnCall } from './resolveOnCall';

const entity = ORGANISATION.find(e => e.metadata.name === 'api-gateway')!;
const provider = (
  id: string,
  answer: OnCallProvider['getOnCall'],
): OnCallProvider => ({
  id,
  getOnCall: answer,
});

describe('resolveOnCall', () => {
  it('takes the first provider that answers and names it as the source', async () => {
    const second = jest.fn();
    const onCall = await resolveOnCall(
      [
        provider('none-here', async () => undefined),
        provider('pagerduty', async () => ({
          primary: 'Ana',
          until: new Date('2026-12-07T08:00:00Z'),
        })),
        provider('catalog', second),
      ],
      { entity, chain: [] },
    );
    expect(onCall).toEqual({
      source: 'pagerduty',
      primary: 'Ana',
      until: '2026-12-07T08:00:00.000Z',
    });
    expect(second).not.toHaveBeenCalled();
  });

  it('asks the next provider when one fails, and reports the failure', async () => {
    const onCall = await resolveOnCall(
      [
        provider('pagerduty', async () =>
          Promise.reject(new Error('rate limited')),
        ),
        provider('catalog', async () => ({
          primary: 'user:default/ana-garcia',
        })),
      ],
      { entity, chain: [] },
    );
    expect(onCall).toEqual({
      source: 'catalog',
      primary: 'user:default/ana-garcia',
      reason: 'pagerduty failed: rate limited',
    });
  });
});
