/*
 * Helpers for tests that install, test and boot a service generated from a
 * template: child processes with the repository's Node, node:test summaries,
 * free loopback ports and a minimal OTLP/HTTP receiver.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export type RunResult = { code: number | null; output: string; ms: number };

/** The environment for npm and the service: the repo's Node first, no yarn leftovers. */
export function childEnv(
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|YARN_|BERRY_|NODE_OPTIONS$|INIT_CWD$)/i.test(key)) {
      env[key] = value;
    }
  }
  env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${
    process.env.PATH
  }`;
  return { ...env, ...extra };
}

export function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv() });
    let output = '';
    child.stdout.on('data', chunk => (output += chunk));
    child.stderr.on('data', chunk => (output += chunk));
    child.on('error', reject);
    child.on('close', code =>
      resolve({ code, output, ms: Date.now() - started }),
    );
  });
}

/** Runs a command that must succeed; its output appears only when it does not. */
export async function runOk(
  command: string,
  args: string[],
  cwd: string,
): Promise<RunResult> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code}:\n${result.output}`,
    );
  }
  return result;
}

/** The totals of node:test's TAP summary (`# pass 19`). */
export function testSummary(output: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const match of output.matchAll(
    /^# (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm,
  )) {
    totals[match[1]] = Number(match[2]);
  }
  return totals;
}

export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

export type ReceivedSpan = {
  serviceName?: string;
  name: string;
  /** `url.path` of HTTP server spans. */
  path?: string;
  receivedAt: number;
};

type OtlpAttribute = { key: string; value: { stringValue?: string } };

function attribute(attributes: OtlpAttribute[] | undefined, key: string) {
  return attributes?.find(a => a.key === key)?.value?.stringValue;
}

/** A minimal OTLP/HTTP receiver: keeps the spans of JSON-encoded trace exports. */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const contentTypes: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        contentTypes.push(String(request.headers['content-type']));
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const resourceSpans of body.resourceSpans ?? []) {
          const serviceName = attribute(
            resourceSpans.resource?.attributes,
            'service.name',
          );
          for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
            for (const span of scopeSpans.spans ?? []) {
              spans.push({
                serviceName,
                name: span.name,
                path: attribute(span.attributes, 'url.path'),
                receivedAt: Date.now(),
              });
            }
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    contentTypes,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
