import { waitFor } from './waitFor';

describe('waitFor', () => {
  it('returns the first value the probe gives', async () => {
    let calls = 0;
    const value = await waitFor(
      async () => (++calls === 3 ? 'ready' : undefined),
      'the third call',
      { intervalMs: 1 },
    );
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('gives up after timeoutMs, naming what it waited for', async () => {
    await expect(
      waitFor(async () => undefined, 'a span', {
        intervalMs: 5,
        timeoutMs: 30,
      }),
    ).rejects.toThrow('timed out after 30 ms waiting for a span');
  });

  it('fails when the probe throws', async () => {
    await expect(
      waitFor(async () => {
        throw new Error('probe broke');
      }, 'anything'),
    ).rejects.toThrow('probe broke');
  });
});
