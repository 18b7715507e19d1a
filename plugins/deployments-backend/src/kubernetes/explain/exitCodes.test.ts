import { describeExitCode } from './exitCodes';

describe('describeExitCode', () => {
  it.each([
    [0, 'finished successfully'],
    [1, 'general application error'],
    [127, 'not found in the image'],
    [137, 'SIGKILL'],
    [139, 'segmentation fault'],
    [143, 'SIGTERM'],
    [130, 'signal 2 (SIGINT)'],
    [3, 'specific to the application'],
  ])('%i → %s', (code, words) => {
    expect(describeExitCode(code)).toContain(words);
  });
});
