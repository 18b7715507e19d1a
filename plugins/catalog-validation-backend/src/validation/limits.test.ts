import { checkLimits, MAX_CONTENT_BYTES, MAX_FILES } from './limits';

describe('checkLimits', () => {
  it('accepts up to the limits', () => {
    expect(() =>
      checkLimits(Array.from({ length: MAX_FILES }, () => ({ content: '' }))),
    ).not.toThrow();
    expect(() =>
      checkLimits([{ content: 'x'.repeat(MAX_CONTENT_BYTES) }]),
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
      checkLimits([{ content: 'é'.repeat(MAX_CONTENT_BYTES / 2 + 1) }]),
    ).toThrow(/hold 1048578 bytes of content/);
  });
});
