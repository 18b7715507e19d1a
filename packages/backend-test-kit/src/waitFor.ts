/** How often to poll, and for how long at most. */
export interface WaitForOptions {
  /** Between probes; default 250 ms. */
  intervalMs?: number;
  /**
   * Give up after this long with an error naming what was awaited. Without it the Jest timeout
   * bounds the wait (and names the test that waited); set it where a clearer failure helps,
   * e.g. a child process that never becomes ready.
   */
  timeoutMs?: number;
}

/**
 * Polls `probe` until it returns a value other than `undefined`, and returns that value.
 *
 * Catalog ingestion, stitching, event delivery and process start-up are asynchronous; tests wait
 * for the state they need instead of sleeping a guessed time. `STRATA_DEBUG=1` prints what is
 * being waited for. A probe that throws fails the wait: probes that expect errors while the
 * awaited state is not there yet (a refused connection) catch them.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  options: WaitForOptions = {},
): Promise<T> {
  const { intervalMs = 250, timeoutMs } = options;
  const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    if (process.env.STRATA_DEBUG) console.log(`waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
