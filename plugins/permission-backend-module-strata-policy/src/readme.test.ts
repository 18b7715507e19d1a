import fs from 'node:fs';
import path from 'node:path';
import { STRATA_RULES } from './policy/rules';

/** The README's table is what people read; it must name every rule the policy applies. */
describe('README.md', () => {
  const readme = fs.readFileSync(
    path.join(__dirname, '..', 'README.md'),
    'utf8',
  );

  it.each(Object.keys(STRATA_RULES))('documents %s', name => {
    expect(readme).toContain(`\`${name}\``);
  });
});
