/**
 * Polls `probe` until it returns a value other than `undefined`, and returns that value.
 *
 * Catalog ingestion, stitching and event delivery are asynchronous; tests wait for the state they
 * need instead of sleeping a guessed time. There is no own deadline: the Jest timeout bounds the
 * wait and names the test that waited. `STRATA_DEBUG=1` prints what is being waited for.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  intervalMs = 250,
): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (process.env.STRATA_DEBUG) console.log(`waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
