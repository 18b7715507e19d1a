import { Entity } from '@backstage/catalog-model';

/** A valid Component to derive test entities from. */
export function component(
  overrides: {
    metadata?: Record<string, unknown>;
    spec?: Record<string, unknown>;
    [key: string]: unknown;
  } = {},
): Entity {
  const { metadata, spec, ...rest } = overrides;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', ...metadata },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      ...spec,
    },
    ...rest,
  } as Entity;
}

/** Joins lines into a YAML text, so fixtures can be read line by line. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
