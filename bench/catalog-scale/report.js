/* Prints the Markdown table for a results folder written by run.sh: node report.js DIR */
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const read = f => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  } catch {
    return undefined;
  }
};
const gen = read('generate.json') || {};
const queries = ['entity-by-name', 'query-ownedBy', 'query-dependencyOf', 'query-producedBy', 'by-refs-20', 'facets'];
const lines = [];
lines.push(`Scale: ${gen.services} services, ${gen.entities} entities in ${gen.files} files`);
try {
  lines.push(fs.readFileSync(path.join(dir, 'machine.txt'), 'utf8').trim());
} catch {}
lines.push('');
lines.push(`| db | variant | entities | ingest+stitch s | entities/s | ${queries.map(q => `${q} p50/p95 ms`).join(' | ')} |`);
lines.push(`|---|---|---|---|---|${queries.map(() => '---').join('|')}|`);
for (const file of fs.readdirSync(dir).filter(f => /^ingest-.*\.json$/.test(f)).sort()) {
  const r = read(file);
  if (!r) continue;
  if (r.error) {
    lines.push(`| ${r.db} | ${r.variant} | — | FAILED: ${String(r.error).replace(/\|/g, '/').slice(0, 200)} | | ${queries.map(() => '').join(' | ')} |`);
    continue;
  }
  const lat = r.latencyMs || {};
  lines.push(
    `| ${r.db} | ${r.variant} | ${r.entities} | ${r.ingestSeconds} | ${r.entitiesPerSecond} | ${queries
      .map(q => (lat[q] ? `${lat[q].p50} / ${lat[q].p95}` : '—'))
      .join(' | ')} |`,
  );
}
const v = read('validator.json');
const cli = read('cli.json');
lines.push('');
if (v) {
  lines.push(
    `validator (validateCatalogFiles, median of ${v.runSeconds.length}): ${v.files} files, ${v.entities} entities in ${v.medianSeconds}s → ${v.filesPerSecond} files/s, ${v.entitiesPerSecond} entities/s (${v.errors} errors, ${v.warnings} warnings)`,
  );
}
if (cli) lines.push(`yarn strata-catalog validate (end to end): ${cli.seconds}s, exit ${cli.exit}: ${cli.summary}`);
console.log(lines.join('\n'));
