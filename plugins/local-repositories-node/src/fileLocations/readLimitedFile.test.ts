import { createMockDirectory } from '@backstage/backend-test-utils';
import { readLimitedFile } from './readLimitedFile';

describe('readLimitedFile', () => {
  const dir = createMockDirectory({
    content: { 'small.yaml': 'a: 1\n', 'big.yaml': 'x'.repeat(2048) },
  });

  it('reads a file within the limit', async () => {
    const result = await readLimitedFile(dir.resolve('small.yaml'), 1024);
    expect(result.kind).toBe('read');
    expect(result.kind === 'read' && result.data.toString('utf8')).toBe(
      'a: 1\n',
    );
  });

  it('does not read a file over the limit, and says how big it is', async () => {
    expect(await readLimitedFile(dir.resolve('big.yaml'), 1024)).toEqual({
      kind: 'too-large',
      size: 2048,
    });
  });
});
