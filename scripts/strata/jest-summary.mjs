// Reads jest's --json output and prints "<passed> <failed>" for ./strata test.
// It also enforces the database matrix: when PostgreSQL was provided (STRATA_EXPECT_POSTGRES=1),
// every test that ran on SQLite must also have run on PostgreSQL — TestDatabases silently drops
// an id it has no connection for, and this is where that would otherwise go unnoticed.
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let passed = results.numPassedTests;
let failed = results.numFailedTests + results.numRuntimeErrorTestSuites;

const titles = results.testResults.flatMap(suite =>
  suite.assertionResults.map(a => a.fullName),
);
const onSqlite = titles.filter(t => /\bSQLITE_3\b/.test(t));
const onPostgres = titles.filter(t => /\bPOSTGRES_\d+\b/.test(t));
console.error(
  `    database tests: ${onSqlite.length} on SQLite, ${onPostgres.length} on PostgreSQL`,
);
if (process.env.STRATA_EXPECT_POSTGRES === '1') {
  const missing = onSqlite.filter(
    t => !onPostgres.some(p => p.replace(/POSTGRES_\d+/, 'SQLITE_3') === t),
  );
  if (missing.length > 0) {
    console.error('    these database tests did not run on PostgreSQL:');
    for (const t of missing) console.error(`      - ${t}`);
    failed += 1;
  } else {
    passed += 1; // the matrix check itself
  }
}
console.log(`${passed} ${failed}`);
