import { docComment, pascalCase } from '../naming';
import { SpecError } from '../spec/SpecError';
import { Operation } from '../spec/operations';
import { OpenApiDocument } from '../spec/types';
import { Models } from './models';
import { parametersType } from './parametersType';
import { schemaToType, TypeContext } from './schemaToType';
import { specLiteral } from './specLiteral';

function importModels(names: Set<string>): string {
  return names.size
    ? `import type { ${[...names].sort().join(', ')} } from '../models';\n\n`
    : '';
}

/**
 * `apis/Api.server.ts`: one type per operation (its path, query, body and
 * response) and the `EndpointMap` that types the router's handlers, in the
 * shape `createValidatedOpenApiRouterFromGeneratedEndpointMap` expects.
 */
export function serverApiSource(
  operations: Operation[],
  models: Models,
  file: string,
): string {
  const used = new Set<string>();
  const context: TypeContext = { named: models.named, use: n => used.add(n) };
  const modelNames = new Set(models.models.map(m => m.name));
  const declarations = operations.map(operation => {
    const name = pascalCase(operation.operationId);
    if (modelNames.has(name)) {
      throw new SpecError(
        file,
        `operation ${operation.operationId} and a schema would both be generated as ${name}; rename one`,
      );
    }
    const members: string[] = [];
    if (operation.pathParameters.length) {
      members.push(
        `path: ${parametersType(
          operation.pathParameters,
          context,
          operation.where,
        )};`,
      );
    }
    if (operation.queryParameters.length) {
      members.push(
        `query: ${parametersType(
          operation.queryParameters,
          context,
          operation.where,
        )};`,
      );
    }
    if (operation.body) {
      members.push(
        `body${operation.body.required ? '' : '?'}: ${schemaToType(
          operation.body.schema,
          context,
          `${operation.where}.requestBody`,
        )};`,
      );
    }
    const responses = [
      ...new Set(
        operation.responses.map(r =>
          r.kind === 'none'
            ? 'void'
            : schemaToType(
                r.schema!,
                context,
                `${operation.where}.responses.${r.status}`,
              ),
        ),
      ),
    ];
    members.push(`response: ${responses.join(' | ') || 'void'};`);
    return `${docComment(
      operation.description,
    )}export type ${name} = {\n${members.join('\n')}\n};\n`;
  });
  const endpoints = operations.map(operation => {
    // The typed router calls DELETE handlers' entries `_delete`.
    const method = operation.method === 'delete' ? '_delete' : operation.method;
    return `'#${method}|${operation.path}': ${pascalCase(
      operation.operationId,
    )};`;
  });
  return `${importModels(used)}${declarations.join('\n')}
/** Every operation, keyed as the typed router looks handlers up. */
export type EndpointMap = {
${endpoints.join('\n')}
};
`;
}

/**
 * `router.ts`: the spec itself and the validated, typed router built from it.
 * Building the router is the same for every spec (`openApiRouterFactory` of
 * @internal/backend-http-kit), and so are the error components most specs
 * declare (@internal/openapi-runtime); the file holds only what is its spec's.
 */
export function serverRouterSource(spec: OpenApiDocument): string {
  const { source, imports } = specLiteral(spec);
  const shared = imports.length
    ? `import { ${imports.join(', ')} } from '@internal/openapi-runtime';\n`
    : '';
  return `import { openApiRouterFactory } from '@internal/backend-http-kit';
${shared}import type { EndpointMap } from './apis';

export const spec = ${source} as const;

/** A router that checks requests against the spec, with handlers typed from it. */
export const createOpenApiRouter = openApiRouterFactory<EndpointMap>(spec);
`;
}
