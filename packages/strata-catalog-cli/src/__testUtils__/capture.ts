import { CliIo } from '../main';

/** A {@link CliIo} that records what the command prints. */
export function captureIo(cwd: string, env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    cwd,
    env,
    stdout: text => stdout.push(text),
    stderr: text => stderr.push(text),
  };
  return {
    io,
    stdout: () => stdout.join('\n'),
    stderr: () => stderr.join('\n'),
  };
}
