import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { ExportFlowsRequest } from './exportFlows';

/** Runs exportFlows.ts in a child process; resolves to the SDK's export results. */
export function exportFlowsWithSdk(
  request: ExportFlowsRequest,
): Promise<Array<{ code: number; error?: string }>> {
  const transform = require.resolve('@backstage/cli-node/config/nodeTransform.cjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', transform, path.join(__dirname, 'exportFlows.ts'), JSON.stringify(request)],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A POST with exactly these bytes and headers (no client-side serialisation). */
export function postRaw(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers }, res => {
      const parts: Buffer[] = [];
      res.on('data', chunk => parts.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
