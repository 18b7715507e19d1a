/**
 * One JSON object per line on stdout, the format log collectors parse without
 * configuration. The active trace id is added so a log line leads to its trace.
 */
import { trace } from '@opentelemetry/api';

export type LogFields = Record<string, unknown>;
export type Logger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

function write(level: string, message: string, fields: LogFields = {}): void {
  const traceId = trace.getActiveSpan()?.spanContext().traceId;
  const line = {
    time: new Date().toISOString(),
    level,
    message,
    ...(traceId && { trace_id: traceId }),
    ...fields,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export const logger: Logger = {
  info: (message, fields) => write('info', message, fields),
  warn: (message, fields) => write('warn', message, fields),
  error: (message, fields) => write('error', message, fields),
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
