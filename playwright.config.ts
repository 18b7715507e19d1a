/*
 * Browser end-to-end tests. `./strata test` starts the portal exactly as `./strata start` serves
 * it (on a spare port, with a throw-away database) and points PLAYWRIGHT_URL at it; run by hand
 * against a portal you started: `PLAYWRIGHT_URL=http://localhost:7007 yarn test:e2e`.
 *
 * The browser is the machine's Chromium (Debian's /usr/bin/chromium); Playwright's own browser
 * download is never used. Failure screenshots and traces go to e2e-test-results/artifacts/.
 */
import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'e2e-test-results/results.json' }],
  ],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium',
      // Chromium would otherwise try to reach Google's services: the network here is closed.
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: 'e2e-test-results/artifacts',
  // One project per package with an e2e-tests/ folder; the channel it picks is dropped in favour
  // of the executablePath above.
  projects: generateProjects().map(({ name, testDir }) => ({ name, testDir })),
});
