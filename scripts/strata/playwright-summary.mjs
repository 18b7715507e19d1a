// Reads Playwright's JSON report and prints "<passed> <failed>" for ./strata test.
// Flaky (passed on retry) counts as passed; skipped tests count as failed, since a skipped
// end-to-end test hides whatever it was meant to catch.
import { readFileSync } from 'node:fs';

const { stats, errors = [] } = JSON.parse(
  readFileSync(process.argv[2], 'utf8'),
);
const passed = stats.expected + stats.flaky;
const failed = stats.unexpected + stats.skipped + errors.length;
if (passed + failed === 0) {
  console.error('    Playwright ran no tests');
  process.exit(1);
}
console.log(`${passed} ${failed}`);
