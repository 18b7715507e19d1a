import {
  checkLimits,
  MAX_CONTENT_BYTES,
  MAX_FILE_BYTES,
  MAX_FILES,
} from './limits';

describe('checkLimits', () => {
  it('accepts up to the limits', () => {
    expect(() =>
      checkLimits(Array.from({ length: MAX_FILES }, () => ({ content: '' }))),
    ).not.toThrow();
    const half = 'x'.repeat(MAX_CONTENT_BYTES / 2);
    expect(() =>
      checkLimits([{ content: half }, { content: half }]),
    ).not.toThrow();
  });

  it('rejects one file too many with a 413 error', () => {
    expect(() =>
      checkLimits(
        Array.from({ length: MAX_FILES + 1 }, () => ({ content: '' })),
      ),
    ).toThrow(
      expect.objectContaining({
        name: 'PayloadTooLargeError',
        statusCode: 413,
      }),
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 'é' is two bytes in UTF-8.
    expect(() =>
      checkLimits([
        { content: 'é'.repeat(MAX_CONTENT_BYTES / 4) },
        { content: 'é'.repeat(MAX_CONTENT_BYTES / 4) },
        { content: 'é' },
      ]),
    ).toThrow(/hold 1048578 bytes of content/);
  });

  it('rejects a file over the per-file limit with a 413 error naming it', () => {
    expect(() =>
      checkLimits([
        { path: 'big.yaml', content: 'x'.repeat(MAX_FILE_BYTES + 1) },
      ]),
    ).toThrow(
      expect.objectContaining({
        statusCode: 413,
        message:
          'big.yaml holds 524289 bytes; files over 512 KiB are not validated. Split it into several files.',
      }),
    );
  });
});
