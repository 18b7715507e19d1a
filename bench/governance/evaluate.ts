/*
 * Full governance evaluation over a synthetic organisation: every architecture rule, the
 * default checks, scorecards and rollups, as governance-backend runs them on each evaluation.
 * In-process, no I/O, no network. See bench/governance/README.md.
 *
 *   node --expose-gc --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/governance/evaluate.ts [--services 10000] [--runs 3] [--seed 42]
 *
 * Each size runs in a fresh child process, so its peak RSS is its own. Prints a Markdown table;
 * asserts nothing. Gives up after 10 minutes.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import {
  DEFAULT_CHECKS,
  DEFAULT_LEVELS,
  evaluateChecks,
  evaluateFindings,
  rollup,
  scorecard,
} from '@internal/plugin-governance-common';
import { generateOrganisation } from './organisation';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

const bound = setTimeout(() => {
  console.error('bench/governance/evaluate.ts: gave up after 10 minutes');
  process.exit(2);
}, 10 * 60_000);
bound.unref();

const gc = () => (global as { gc?: () => void }).gc?.();
const mib = (bytes: number) => Math.round(bytes / 1048576);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Figures {
  services: number;
  counts: Record<string, number>;
  findings: Record<string, number>;
  results: number;
  levels: Record<string, number>;
  /** Wall-clock ms per phase; `cpu` is the process's CPU ms for the whole evaluation (less sensitive to a loaded machine). */
  ms: { findings: number; checks: number; scorecard: number; rollups: number; total: number; cpu: number };
  heapInputMiB: number;
  heapPeakDeltaMiB: number;
  peakRssMiB: number;
}

function measure(services: number, runs: number, seed: number): Figures {
  const { input, counts } = generateOrganisation(services, seed);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const times: Array<Figures['ms']> = [];
  let heapPeak = heapBefore;
  let last: Omit<Figures, 'services' | 'counts' | 'ms' | 'heapInputMiB' | 'heapPeakDeltaMiB' | 'peakRssMiB'> | undefined;
  for (let run = 0; run < runs; run++) {
    // A new list per run, as each evaluation reads a fresh catalog: the catalog index (cached
    // per list) is built once per run, by evaluateFindings, and reused by checks and rollups.
    const fresh = { ...input, entities: [...input.entities] };
    gc();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const findings = evaluateFindings(fresh);
    const t1 = performance.now();
    const results = evaluateChecks(fresh, DEFAULT_CHECKS, findings);
    const t2 = performance.now();
    const scores = scorecard(results, DEFAULT_LEVELS);
    const t3 = performance.now();
    for (const by of ['owner', 'system', 'organisation'] as const) {
      rollup(scores, by, fresh.entities);
    }
    const t4 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    // Everything the evaluation built is still referenced here: this is its footprint.
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    times.push({ findings: t1 - t0, checks: t2 - t1, scorecard: t3 - t2, rollups: t4 - t3, total: t4 - t0, cpu: (cpu.user + cpu.system) / 1000 });
    const byRule: Record<string, number> = {};
    for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    const levels: Record<string, number> = {};
    for (const s of scores) levels[s.level ?? 'none'] = (levels[s.level ?? 'none'] ?? 0) + 1;
    last = { findings: byRule, results: results.length, levels };
  }
  const pick = (k: keyof Figures['ms']) => Math.round(median(times.map(t => t[k])));
  return {
    services,
    counts,
    ...last!,
    ms: { findings: pick('findings'), checks: pick('checks'), scorecard: pick('scorecard'), rollups: pick('rollups'), total: pick('total'), cpu: pick('cpu') },
    heapInputMiB: mib(heapBefore),
    heapPeakDeltaMiB: mib(heapPeak - heapBefore),
    // maxRSS is in KiB: the whole child's peak, generation included.
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function main() {
  const runs = Number(arg('runs', '3'));
  const seed = Number(arg('seed', '42'));
  if (process.env.GOVERNANCE_BENCH_CHILD) {
    const figures = measure(Number(process.env.GOVERNANCE_BENCH_CHILD), runs, seed);
    // Tagged: the node transform also talks over this channel.
    process.send!({ governanceBench: figures });
    return;
  }
  const sizes = arg('services', '2500,5000,10000').split(',').map(Number);
  const rows: Figures[] = [];
  for (const services of sizes) {
    if (!Number.isInteger(services) || services < 100) {
      throw new Error(`--services takes integers of at least 100, got ${services}`);
    }
    const child = fork(__filename, process.argv.slice(2), {
      env: { ...process.env, GOVERNANCE_BENCH_CHILD: String(services) },
      execArgv: process.execArgv,
    });
    rows.push(
      await new Promise<Figures>((resolve, reject) => {
        child.on('message', m => {
          const figures = (m as { governanceBench?: Figures }).governanceBench;
          if (figures) resolve(figures);
        });
        child.once('exit', code => code !== 0 && reject(new Error(`child for ${services} exited ${code}`)));
      }),
    );
  }
  console.log(`runs per size: ${runs} (median), seed ${seed}, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end\n`);
  console.log('| services | entities | relations | edges | findings | check results | findings ms | checks ms | scorecard ms | rollups ms | total ms | CPU ms | heap input MiB | heap during MiB | peak RSS MiB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const findings = Object.values(r.findings).reduce((a, b) => a + b, 0);
    console.log(`| ${r.services} | ${r.counts.entities} | ${r.counts.relations} | ${r.counts.observedEdges} | ${findings} | ${r.results} | ${r.ms.findings} | ${r.ms.checks} | ${r.ms.scorecard} | ${r.ms.rollups} | ${r.ms.total} | ${r.ms.cpu} | ${r.heapInputMiB} | +${r.heapPeakDeltaMiB} | ${r.peakRssMiB} |`);
  }
  const largest = rows[rows.length - 1];
  console.log(`\nfindings by rule at ${largest.services} services: ${JSON.stringify(largest.findings)}`);
  console.log(`levels at ${largest.services} services: ${JSON.stringify(largest.levels)}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
