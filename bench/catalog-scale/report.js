/* Prints the Markdown tables for a results folder written by run.sh: node report.js DIR */
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
const lines = [];
lines.push(`Scale: ${gen.services} services, ${gen.entities} entities in ${gen.files} files`);
try {
  lines.push(fs.readFileSync(path.join(dir, 'machine.txt'), 'utf8').trim());
} catch {}
const runs = fs
  .readdirSync(dir)
  .filter(f => /^ingest-.*\.json$/.test(f))
  .sort()
  .map(read)
  .filter(Boolean);
const cell = v => (v === undefined || v === null ? '—' : String(v));
const load = r => `${(r.loadavgAtStart || [])[0] ?? '?'} → ${(r.loadavgAtEnd || [])[0] ?? '?'}`;

// Ingest: stock and Strata side by side per database, with Strata's speed-up.
lines.push('');
lines.push('| db | variant | entities | ingest+stitch s | entities/s | processed s | statements/entity | SQL s | full re-read s | peak RSS MiB | load 1-min start → end |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of runs) {
  if (r.error) {
    lines.push(`| ${r.db} | ${r.variant} | — | FAILED: ${String(r.error).replace(/\|/g, '/').slice(0, 200)} | | | | | | ${cell(r.peakRssMiB)} | ${load(r)} |`);
    continue;
  }
  lines.push(
    `| ${r.db} | ${r.variant} | ${r.entities} | ${r.ingestSeconds} | ${r.entitiesPerSecond} | ${cell(r.processedSeconds)} | ${cell(r.statementsPerEntity)} | ${cell(r.statementSeconds)} | ${cell(r.reReadSeconds)} | ${cell(r.peakRssMiB)} | ${load(r)} |`,
  );
}
for (const db of [...new Set(runs.map(r => r.db))]) {
  const stock = runs.find(r => r.db === db && r.variant === 'stock' && !r.error);
  const strata = runs.find(r => r.db === db && r.variant === 'strata' && !r.error);
  if (stock && strata) {
    const x = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
    lines.push('');
    lines.push(`${db}: Strata vs stock — ingest ${x(stock.ingestSeconds, strata.ingestSeconds)}, full re-read ${x(stock.reReadSeconds, strata.reReadSeconds)} (above 1× = Strata faster)`);
  }
}

// Latency: one row per query kind (and client count), stock and Strata per database side by side.
const keys = [...new Set(runs.flatMap(r => Object.keys(r.latencyMs || {})))];
const columns = runs.filter(r => !r.error).map(r => `${r.db}/${r.variant}`);
if (keys.length) {
  lines.push('');
  lines.push(`| query (clients) p50 / p95 ms | ${columns.join(' | ')} |`);
  lines.push(`|---|${columns.map(() => '---').join('|')}|`);
  for (const k of keys) {
    const row = runs
      .filter(r => !r.error)
      .map(r => {
        const l = (r.latencyMs || {})[k];
        return l ? `${l.p50} / ${l.p95}` : '—';
      });
    const [id, clients] = k.split('@');
    lines.push(`| ${id} (${clients || 1}) | ${row.join(' | ')} |`);
  }
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
