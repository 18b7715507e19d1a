/*
 * What a container's exit code says, in words. Codes above 128 are 128 + the number of the
 * signal that killed the process (the shell convention containers follow).
 */

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  6: 'SIGABRT',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  15: 'SIGTERM',
};

export function describeExitCode(exitCode: number | undefined): string {
  if (exitCode === undefined) return 'The exit code was not recorded.';
  switch (exitCode) {
    case 0:
      return 'Exit code 0 means the process finished successfully — but a Deployment expects its containers to keep running, so Kubernetes restarts it. The command probably runs a one-off task or starts a server in the background and returns.';
    case 1:
      return 'Exit code 1 is a general application error: usually an unhandled exception or a startup check that failed (missing configuration, a database that refuses the connection).';
    case 2:
      return 'Exit code 2 usually means the program was started with wrong arguments or options.';
    case 126:
      return 'Exit code 126: the command exists in the image but cannot be executed (not executable, or permission denied).';
    case 127:
      return "Exit code 127: the command was not found in the image — the container's command or entrypoint names a binary that is not there.";
    case 134:
      return 'Exit code 134 (SIGABRT): the process aborted itself, typically a failed assertion or a fatal runtime error such as a heap out of memory inside the runtime.';
    case 137:
      return 'Exit code 137 (SIGKILL): the process was killed from outside — by the out-of-memory killer, or by the kubelet after a failing liveness probe or a shutdown that took longer than the grace period.';
    case 139:
      return 'Exit code 139 (SIGSEGV): the process crashed with a segmentation fault (native code, a bad library, an image built for another CPU architecture).';
    case 143:
      return 'Exit code 143 (SIGTERM): the process was asked to stop and did — a liveness probe failure or a shutdown, not a crash of its own.';
    default:
      if (exitCode > 128 && exitCode < 160) {
        const signal = exitCode - 128;
        return `Exit code ${exitCode}: the process was killed by signal ${signal}${
          SIGNALS[signal] ? ` (${SIGNALS[signal]})` : ''
        }.`;
      }
      return `Exit code ${exitCode} is specific to the application; its logs say what it means.`;
  }
}
