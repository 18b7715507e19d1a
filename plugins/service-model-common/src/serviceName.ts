/*
 * What a new service may be called: the service model's naming rule, applied alike by the Create
 * form (as the person types), the scaffolder actions (at run time) and the folder names of local
 * repositories (a local repository is named after the service it holds).
 *
 * One name is reused everywhere the generated service shows up: the catalog entity name, the
 * npm package / Go module name, the Git repository folder, the Kubernetes Deployment, Service
 * and labels, and the OpenTelemetry service.name. The strictest of those is a Kubernetes object
 * name that must also be a DNS label (RFC 1123: lowercase letters, digits and hyphens, starting
 * and ending with an alphanumeric, at most 63 characters). Requiring a leading letter keeps the
 * name a valid identifier-ish package name and avoids names Kubernetes reads as numbers; 40
 * characters leaves room for the suffixes the templates derive (`-db`, `-api`, `-events`,
 * `-consumer`, ...) and for generated pod names, which append hashes.
 */

export const SERVICE_NAME_MIN_LENGTH = 3;
export const SERVICE_NAME_MAX_LENGTH = 40;

/**
 * Why `name` cannot be a service name, in a sentence for the person typing it, or undefined
 * when it is fine. Checks only the shape; whether the name is free is the catalog's business.
 */
export function serviceNameProblem(name: string): string | undefined {
  if (name.length === 0) {
    return 'Enter a name for the service.';
  }
  if (/[A-Z]/.test(name)) {
    return `Use lowercase letters: "${name.toLowerCase()}".`;
  }
  if (!/^[a-z0-9-]+$/.test(name)) {
    return 'Use only lowercase letters, digits and hyphens (-).';
  }
  if (!/^[a-z]/.test(name)) {
    return 'Start the name with a letter.';
  }
  if (name.endsWith('-')) {
    return 'The name cannot end with a hyphen.';
  }
  if (name.length < SERVICE_NAME_MIN_LENGTH) {
    return `Use at least ${SERVICE_NAME_MIN_LENGTH} characters.`;
  }
  if (name.length > SERVICE_NAME_MAX_LENGTH) {
    return `Use at most ${SERVICE_NAME_MAX_LENGTH} characters (this one has ${name.length}).`;
  }
  return undefined;
}
