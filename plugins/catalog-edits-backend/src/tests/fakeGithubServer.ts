/*
 * Runs the fake GitHub on its own, for the browser tests (`./strata test e2e`
 * starts it next to the portal). Test code only: nothing in the plugin imports
 * it, so it is never part of the portal.
 *
 *   FAKE_GITHUB_TOKEN=<dummy> node --require <backstage nodeTransform> \
 *     fakeGithubServer.ts --port 7078 --repos <dir>
 *
 * Every `<dir>/<owner>/<repo>/` folder becomes a repository whose `main`
 * branch holds that folder's files. The fake answers only requests carrying
 * the token, and `GET /__fake/repos/<owner>/<repo>` (no token) shows its
 * branches, their files and the pull requests, for the tests to assert on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FakeGithub } from './fakeGithub';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Path (relative to the repository root, `/`-separated) → text. */
function readFiles(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      Object.assign(files, readFiles(full, `${relative}/`));
    } else {
      files[relative] = fs.readFileSync(full, 'utf8');
    }
  }
  return files;
}

function subfolders(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter(e => e.isDirectory())
    .map(e => e.name);
}

async function main() {
  const token = process.env.FAKE_GITHUB_TOKEN;
  const reposDir = option('repos');
  const port = Number(option('port') ?? '7078');
  if (!token || !reposDir || !Number.isInteger(port)) {
    throw new Error(
      'usage: FAKE_GITHUB_TOKEN=<token> fakeGithubServer.ts --port <port> --repos <dir>',
    );
  }
  const github = new FakeGithub({ token });
  const names: string[] = [];
  for (const owner of subfolders(reposDir)) {
    for (const name of subfolders(path.join(reposDir, owner))) {
      github.addRepo({
        owner,
        name,
        files: readFiles(path.join(reposDir, owner, name)),
      });
      names.push(`${owner}/${name}`);
    }
  }
  const url = await github.start({ port });
  // The token is never printed: a real one would be a secret.
  process.stdout.write(
    `fake GitHub listening on ${url} with ${names.join(', ')}\n`,
  );
  // Nothing to save: the fake keeps its state in memory only. (Closing the
  // server would wait for the portal's keep-alive connections.)
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
}

main().catch(error => {
  process.stderr.write(`fake GitHub failed to start: ${error}\n`);
  process.exit(1);
});
