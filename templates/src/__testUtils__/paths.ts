/* Where the template tests find the repository, the templates and the demo organisation. */
import fs from 'node:fs';
import path from 'node:path';

/** The templates folder: this package's root (templates/<name>/template.yaml, templates/src/). */
export const templatesRoot = path.resolve(__dirname, '../..');

/** The repository root. */
export const repoRoot = path.dirname(templatesRoot);

/** Every templates/<name>/template.yaml that exists now, sorted. */
export function templateFiles(): string[] {
  return fs
    .readdirSync(templatesRoot)
    .map(name => path.join(templatesRoot, name, 'template.yaml'))
    .filter(file => fs.existsSync(file))
    .sort();
}
