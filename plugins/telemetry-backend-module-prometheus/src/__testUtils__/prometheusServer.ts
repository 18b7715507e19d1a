/*
 * A real Prometheus for the tests (Debian's `prometheus` package): the dataset is backfilled
 * with `promtool tsdb create-blocks-from openmetrics` into a fresh data directory, then
 * `prometheus` starts on 127.0.0.1 with a free port, without scrape targets, and is killed by
 * its pid at the end.
 *
 * Why backfill rather than remote write: the remote-write receiver only accepts samples near
 * "now" into the head block (older ones are out of order or out of bounds unless the
 * out-of-order window is configured), and it needs a protobuf+snappy client; promtool writes
 * hours of history with exact timestamps, so the counts at every window edge are known.
 */
import { ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Whether prometheus and promtool are installed. Their absence is a skip with a warning,
 * except under STRATA_REQUIRE_PROMETHEUS=1 (CI), where it is an error.
 */
export function prometheusInstalled(): boolean {
  const works = (command: string) =>
    spawnSync(command, ['--version'], { timeout: 10_000, stdio: 'ignore' })
      .status === 0;
  if (works('prometheus') && works('promtool')) return true;
  if (process.env.STRATA_REQUIRE_PROMETHEUS === '1') {
    throw new Error(
      'STRATA_REQUIRE_PROMETHEUS=1 but prometheus/promtool are not on PATH (apt-get install prometheus)',
    );
  }
  // eslint-disable-next-line no-console
  console.warn(
    'prometheus/promtool are not installed: the real-Prometheus tests are skipped',
  );
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPrometheus {
  baseUrl: string;
  stop(): Promise<void>;
}

async function waitReady(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  ms: number,
) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/-/ready`, {
        signal: AbortSignal.timeout(2000),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`prometheus was not ready within ${ms} ms:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Backfills `openMetrics` and starts Prometheus over it (bounded: 60 s to be ready). */
export async function startPrometheus(
  openMetrics: string,
): Promise<RunningPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-prometheus-'));
  const data = join(dir, 'data');
  const input = join(dir, 'input.om');
  await writeFile(input, openMetrics);
  await writeFile(
    join(dir, 'prometheus.yml'),
    'global:\n  scrape_interval: 1m\n',
  );
  await run(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', input, data],
    {
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  let child: ChildProcess | undefined;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let output = '';
    child = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${data}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=60d',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', d => (output = (output + d).slice(-4000)));
    child.stderr!.on('data', d => (output = (output + d).slice(-4000)));
    try {
      await waitReady(baseUrl, child, () => output, 60_000);
    } catch (e) {
      await stopChild(child);
      // Another process may have taken the port between freePort() and the bind: try again.
      if (attempt < 3 && /address already in use/.test(output)) continue;
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const started = child;
    return {
      baseUrl,
      async stop() {
        await stopChild(started);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
