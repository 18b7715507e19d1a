import { BackendFeature } from '@backstage/backend-plugin-api';
import path from 'node:path';

/**
 * Test code: the two features of `@backstage/plugin-events-backend-module-github` (the webhook
 * ingress with its signature check, and the `github` → `github.<event>` router). Its default
 * export is a feature loader whose dynamic `import()` Jest's CommonJS runtime cannot run, so
 * the test loads the same two files the loader would.
 */
export function githubEventsFeatures(): BackendFeature[] {
  const dist = path.join(
    path.dirname(
      require.resolve(
        '@backstage/plugin-events-backend-module-github/package.json',
      ),
    ),
    'dist',
    'service',
  );
  return [
    require(path.join(dist, 'eventsModuleGithubWebhook.cjs.js')).default,
    require(path.join(dist, 'eventsModuleGithubEventRouter.cjs.js')).default,
  ];
}
