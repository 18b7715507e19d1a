/**
 * A Component entity as a catalog-info.yaml would hold it: a service in production, owned by
 * `owner`, with `description` when given.
 */
export function componentYaml(
  name: string,
  options: { owner: string; description?: string },
): string {
  const description = options.description
    ? `  description: ${options.description}\n`
    : '';
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${description}spec:
  type: service
  lifecycle: production
  owner: ${options.owner}
`;
}
