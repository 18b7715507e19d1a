import { camelCase, docComment, pascalCase } from '../naming';
import { Operation } from '../spec/operations';
import { Models } from './models';
import { parametersType } from './parametersType';
import { schemaToType, TypeContext } from './schemaToType';

/** `catalog-edits` → `CatalogEditsApiClient`. */
export function clientClassName(pluginId: string): string {
  return `${pascalCase(pluginId)}ApiClient`;
}

// What every client shares (building the URL and query string, the JSON body,
// the bearer token, ResponseError on a non-2xx answer) is one runtime package,
// @internal/openapi-runtime; a generated client holds only its spec's methods.
const RUNTIME_PACKAGE = '@internal/openapi-runtime';

function successType(
  operation: Operation,
  context: TypeContext,
): { type: string; read: string } {
  const successes = operation.responses.filter(r => /^2/.test(r.status));
  const withBody = successes.filter(r => r.kind !== 'none');
  if (withBody.length === 0) {
    return { type: 'void', read: '' };
  }
  const types = [
    ...new Set(
      withBody.map(r =>
        schemaToType(
          r.schema!,
          context,
          `${operation.where}.responses.${r.status}`,
        ),
      ),
    ),
  ];
  const empty = successes
    .filter(r => r.kind === 'none' && /^\d+$/.test(r.status))
    .map(r => Number(r.status));
  const type = types.join(' | ');
  const read =
    withBody[0].kind === 'text'
      ? 'return await response.text();'
      : `return (await response.json()) as ${type};`;
  if (empty.length === 0) {
    return { type, read };
  }
  return {
    type: `${type} | undefined`,
    read: `if (${JSON.stringify(
      empty,
    )}.includes(response.status)) {\nreturn undefined;\n}\n${read}`,
  };
}

function methodSource(operation: Operation, context: TypeContext): string {
  const parts: string[] = [];
  const args: string[] = [];
  let optional = true;
  if (operation.pathParameters.length) {
    parts.push(
      `path: ${parametersType(
        operation.pathParameters,
        context,
        operation.where,
      )};`,
    );
    optional = false;
  }
  if (operation.queryParameters.length) {
    const required = operation.queryParameters.some(p => p.required);
    parts.push(
      `query${required ? '' : '?'}: ${parametersType(
        operation.queryParameters,
        context,
        operation.where,
      )};`,
    );
    optional &&= !required;
    args.push('query: request.query');
  }
  if (operation.body) {
    parts.push(
      `body${operation.body.required ? '' : '?'}: ${schemaToType(
        operation.body.schema,
        context,
        `${operation.where}.requestBody`,
      )};`,
    );
    optional &&= !operation.body.required;
    args.push('body: request.body');
  }
  const path = operation.path.replace(
    /\{([^}]+)\}/g,
    (_, name) =>
      `\${encodeURIComponent(String(request.path${
        /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)
          ? `.${name}`
          : `[${JSON.stringify(name)}]`
      }))}`,
  );
  const requestParameter = parts.length
    ? `request: {\n${parts.join('\n')}\n}${optional ? ' = {}' : ''}`
    : '_request: Record<string, never> = {}';
  const { type, read } = successType(operation, context);
  return `${docComment(operation.description)}async ${camelCase(
    operation.operationId,
  )}(
  ${requestParameter},
  options?: RequestOptions,
): Promise<${type}> {
  ${read ? 'const response = ' : ''}await this.requester.send(
    '${operation.method.toUpperCase()}',
    ${path.includes('${') ? `\`${path}\`` : `'${path}'`},
    { ${args.join(', ')} },
    options,
  );
  ${read}
}
`;
}

/**
 * `apis/<Plugin>Api.client.ts`: a fetch-based client with one method per
 * operationId, typed from the spec, throwing ResponseError on non-2xx answers.
 */
export function clientSource(options: {
  pluginId: string;
  operations: Operation[];
  models: Models;
}): string {
  const { pluginId, operations, models } = options;
  const used = new Set<string>();
  const context: TypeContext = { named: models.named, use: n => used.add(n) };
  const methods = operations.map(op => methodSource(op, context)).join('\n');
  const imports = used.size
    ? `import type { ${[...used].sort().join(', ')} } from '../models';\n`
    : '';
  return `import { OpenApiRequester } from '${RUNTIME_PACKAGE}';
import type { ApiClientOptions, RequestOptions } from '${RUNTIME_PACKAGE}';
${imports}
// The option types stay exported beside the client, as when each client
// declared them itself.
export type { ApiClientOptions, DiscoveryApi, FetchApi, RequestOptions } from '${RUNTIME_PACKAGE}';

/**
 * A client of the ${pluginId} backend's API, generated from its OpenAPI spec.
 * Each method throws a ResponseError when the answer is not 2xx.
 */
export class ${clientClassName(pluginId)} {
  private readonly requester: OpenApiRequester;

  constructor(options: ApiClientOptions) {
    this.requester = new OpenApiRequester(${JSON.stringify(pluginId)}, options);
  }

${methods}}
`;
}
