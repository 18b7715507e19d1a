/**
 * Readiness: may Kubernetes send this pod traffic? Only dependencies without
 * which no request can succeed are `required`; the others are reported so an
 * operator sees them, but taking every pod out of the Service because, say,
 * Kafka is down would turn a partial outage into a full one.
 */
export type Dependency = {
  name: string;
  required: boolean;
  /** Resolves when the dependency answers; rejects with the reason otherwise. */
  check(): Promise<void>;
};

export type CheckResult = { ok: boolean; required: boolean; reason?: string };

export type Readiness = {
  ready: boolean;
  checks: Record<string, CheckResult>;
};

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(
  dependencies: Dependency[],
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  const results = await Promise.all(
    dependencies.map(async (dependency): Promise<[string, CheckResult]> => {
      try {
        await withTimeout(dependency.check(), timeoutMs);
        return [dependency.name, { ok: true, required: dependency.required }];
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return [dependency.name, { ok: false, required: dependency.required, reason }];
      }
    }),
  );
  const checks: Record<string, CheckResult> = Object.fromEntries(results);
  const ready = Object.values(checks).every(check => check.ok || !check.required);
  return { ready, checks };
}
