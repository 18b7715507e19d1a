/** The Kubernetes probe endpoints: answered cheaply and left out of traces. */
export const LIVENESS_PATH = '/healthz';
export const READINESS_PATH = '/readyz';

export function isProbePath(url: string): boolean {
  const path = url.split('?')[0];
  return path === LIVENESS_PATH || path === READINESS_PATH;
}
