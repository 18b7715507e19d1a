import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileWatchRefresher } from './FileWatchRefresher';

describe('FileWatchRefresher', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fwr-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refreshes a burst of changes once, after the quiet period, and stops cleanly', async () => {
    const refresh = jest.fn(async (_: { keys: string[] }) => {});
    const publish = jest.fn(async () => {});
    const refresher = new FileWatchRefresher({
      roots: { folders: [dir], files: [], patterns: [] },
      repositoriesDir: path.join(dir, 'repositories'),
      events: { publish, subscribe: jest.fn() },
      logger: mockServices.logger.mock(),
      debounceMs: 300,
    });
    await refresher.connect({ refresh, applyMutation: jest.fn() });
    const file = path.join(dir, 'catalog-info.yaml');
    for (let i = 0; i < 5; i++) fs.writeFileSync(file, `edit ${i}\n`);
    await new Promise(resolve => setTimeout(resolve, 1000));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh.mock.calls[0][0].keys).toEqual([`file:${file}`]);
    expect(publish).not.toHaveBeenCalled();
    await refresher.stop();
    fs.writeFileSync(file, 'after stop\n');
    await new Promise(resolve => setTimeout(resolve, 600));
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
