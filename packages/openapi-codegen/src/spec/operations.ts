import { SpecError } from './SpecError';
import { resolve } from './resolve';
import {
  HTTP_METHODS,
  HttpMethod,
  OpenApiDocument,
  OperationObject,
  Parameter,
  RequestBody,
  ResponseObject,
  Schema,
} from './types';

/** How a body travels: JSON, plain text (e.g. a served script), or no body. */
export type BodyKind = 'json' | 'text' | 'none';

export type OperationResponse = {
  /** `'200'`, `'4XX'`, `'default'`. */
  status: string;
  kind: BodyKind;
  /** The body's schema (`kind` json or text). */
  schema?: Schema;
};

/** One operation of the spec, with its references resolved. */
export type Operation = {
  operationId: string;
  method: HttpMethod;
  /** The spec's path, with `{param}` placeholders. */
  path: string;
  description?: string;
  pathParameters: Parameter[];
  queryParameters: Parameter[];
  body?: { required: boolean; schema: Schema };
  responses: OperationResponse[];
  /** Where it is in the spec, for errors. */
  where: string;
};

function bodyKind(
  content: Record<string, { schema?: Schema }> | undefined,
  where: string,
): { kind: BodyKind; schema?: Schema } {
  const types = Object.keys(content ?? {});
  if (types.length === 0) {
    return { kind: 'none' };
  }
  const json = types.find(t => t.split(';')[0].trim() === 'application/json');
  if (json) {
    return { kind: 'json', schema: content![json].schema ?? {} };
  }
  const text = types.find(t => t.startsWith('text/'));
  if (text && types.length === 1) {
    return {
      kind: 'text',
      schema: content![text].schema ?? { type: 'string' },
    };
  }
  throw new SpecError(
    where,
    `content ${types.join(
      ', ',
    )}: only application/json or a single text/* type is supported`,
  );
}

function parameters(
  spec: OpenApiDocument,
  pathLevel: Array<Parameter | { $ref: string }> | undefined,
  operation: OperationObject,
  where: string,
): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const [level, list] of [
    ['parameters', pathLevel],
    ['parameters', operation.parameters],
  ] as const) {
    (list ?? []).forEach((p, i) => {
      const parameter = resolve(
        spec,
        p,
        'parameters',
        `${where}.${level}[${i}]`,
      );
      byKey.set(`${parameter.in}:${parameter.name}`, parameter); // the operation's wins
    });
  }
  const result = [...byKey.values()];
  const unsupported = result.find(p => p.in !== 'path' && p.in !== 'query');
  if (unsupported) {
    throw new SpecError(
      where,
      `${unsupported.in} parameter '${unsupported.name}': only path and query parameters are supported`,
    );
  }
  return result;
}

/** Every operation of the spec, in the order of its paths and methods. */
export function collectOperations(
  spec: OpenApiDocument,
  file: string,
): Operation[] {
  const operations: Operation[] = [];
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    // In the spec's order, so the generated code reads like the spec.
    const methods = Object.keys(item).filter((key): key is HttpMethod =>
      (HTTP_METHODS as readonly string[]).includes(key),
    );
    for (const method of methods) {
      const operation = item[method] as OperationObject;
      const where = `${file}: paths['${path}'].${method}`;
      const { operationId } = operation;
      if (!operationId) {
        throw new SpecError(
          where,
          'has no operationId (it names the generated type and client method)',
        );
      }
      if (ids.has(operationId)) {
        throw new SpecError(where, `operationId ${operationId} is used twice`);
      }
      ids.add(operationId);
      const all = parameters(spec, item.parameters, operation, where);
      const pathParameters = all.filter(p => p.in === 'path');
      const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map(m => m[1]);
      const declared = pathParameters.map(p => p.name);
      if (
        placeholders.length !== declared.length ||
        placeholders.some(name => !declared.includes(name))
      ) {
        throw new SpecError(
          where,
          `the path's placeholders {${placeholders.join(
            '}, {',
          )}} and its path parameters (${declared.join(', ')}) differ`,
        );
      }

      let body: Operation['body'];
      if (operation.requestBody) {
        const requestBody = resolve<RequestBody>(
          spec,
          operation.requestBody,
          'requestBodies',
          `${where}.requestBody`,
        );
        const { kind, schema } = bodyKind(
          requestBody.content,
          `${where}.requestBody`,
        );
        if (kind !== 'json') {
          throw new SpecError(
            `${where}.requestBody`,
            'only application/json request bodies are supported',
          );
        }
        body = { required: requestBody.required === true, schema: schema! };
      }

      const responses = Object.entries(operation.responses ?? {}).map(
        ([status, value]) => {
          const response = resolve<ResponseObject>(
            spec,
            value,
            'responses',
            `${where}.responses.${status}`,
          );
          return {
            status,
            ...bodyKind(response.content, `${where}.responses.${status}`),
          };
        },
      );
      const successes = responses.filter(r => /^2/.test(r.status));
      if (
        new Set(successes.filter(r => r.kind !== 'none').map(r => r.kind))
          .size > 1
      ) {
        throw new SpecError(
          where,
          'its success responses mix JSON and text bodies; the client could not tell how to read them',
        );
      }

      operations.push({
        operationId,
        method,
        path,
        description: operation.description ?? operation.summary,
        pathParameters,
        queryParameters: all.filter(p => p.in === 'query'),
        body,
        responses,
        where,
      });
    }
  }
  return operations;
}
