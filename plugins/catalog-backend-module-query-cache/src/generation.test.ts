import { CatalogGeneration, GenerationReader } from './generation';

describe('GenerationReader', () => {
  function setup() {
    let clock = 1_000_000;
    let n = 0;
    const probe = jest.fn(
      async (): Promise<CatalogGeneration> => ({
        id: `g${++n}`,
        settled: true,
      }),
    );
    const reader = new GenerationReader(probe, 1000, () => clock);
    return { reader, probe, advance: (ms: number) => (clock += ms) };
  }

  it('reads the database at most once per second, only when asked', async () => {
    const { reader, probe, advance } = setup();
    expect(probe).not.toHaveBeenCalled();
    expect((await reader.current()).id).toBe('g1');
    advance(999);
    expect((await reader.current()).id).toBe('g1');
    expect(probe).toHaveBeenCalledTimes(1);
    advance(1);
    expect((await reader.current()).id).toBe('g2');
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('shares one read among concurrent askers', async () => {
    const { reader, probe } = setup();
    const ids = await Promise.all(
      Array.from({ length: 10 }, () => reader.current()),
    );
    expect(new Set(ids.map(g => g.id))).toEqual(new Set(['g1']));
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('passes a failed read on and reads again on the next ask', async () => {
    const probe = jest
      .fn<Promise<CatalogGeneration>, []>()
      .mockRejectedValueOnce(new Error('database gone'))
      .mockResolvedValueOnce({ id: 'g1', settled: true });
    const reader = new GenerationReader(probe, 1000, () => 0);
    await expect(reader.current()).rejects.toThrow('database gone');
    await expect(reader.current()).resolves.toEqual({
      id: 'g1',
      settled: true,
    });
  });
});
