import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../main';

/** A throw-away repository with plugins/shop-backend (the fixture spec) and plugins/shop-common. */
export function makeRepo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-codegen-'));
  writeFile(
    root,
    'package.json',
    JSON.stringify({ workspaces: ['plugins/*'] }),
  );
  writeFile(
    root,
    'plugins/shop-backend/package.json',
    JSON.stringify({ name: 'shop-backend', backstage: { pluginId: 'shop' } }),
  );
  writeFile(
    root,
    'plugins/shop-backend/src/schema/openapi.yaml',
    fs.readFileSync(
      path.join(__dirname, '../__fixtures__/shop/openapi.yaml'),
      'utf8',
    ),
  );
  writeFile(root, 'plugins/shop-common/package.json', '{}');
  return root;
}

export function writeFile(root: string, file: string, content: string) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

export function readFile(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

/** Every file under `dir` of `root`, relative to root, sorted. */
export function listFiles(root: string, dir: string): string[] {
  return (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .map(entry => `${dir}/${entry.split(path.sep).join('/')}`)
    .filter(file => fs.statSync(path.join(root, file)).isFile())
    .sort();
}

/** Runs the command against `root`; returns its exit code and what it printed. */
export async function run(root: string, command: 'generate' | 'check') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([command, '--root', root], {
    out: line => out.push(line),
    err: line => err.push(line),
  });
  return { code, out, err };
}
