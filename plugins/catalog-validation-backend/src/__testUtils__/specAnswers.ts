import Ajv from 'ajv';
import { spec } from '../schema/openapi';

/** An answer as supertest gives it. */
export type Answer = {
  status: number;
  headers: Record<string, string>;
  text: string;
};

type ResponseSpec = {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
};
type OperationSpec = { responses: Record<string, ResponseSpec> };

const document = JSON.parse(JSON.stringify(spec));
// The spec's schemas, each reachable by its JSON pointer (their $refs resolve
// inside the document). Not a meta-schema check: the document is OpenAPI, not a schema.
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
ajv.addSchema(document, 'spec');

const pointer = (...segments: string[]) =>
  segments.map(s => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * What is wrong with an answer of `METHOD path`, by the generated spec: for
 * the operation wrapServer's proxy cannot check. The proxy reads only
 * application/json answers and refuses any operation that declares another
 * media type, like the served script's text/javascript. The status must be
 * declared (or a default), the content type listed for it, and a JSON body
 * valid against its schema. Empty when the answer is what the spec says.
 */
export function specProblems(
  method: 'get' | 'post',
  path: string,
  answer: Answer,
): string[] {
  const operation = (document.paths?.[path] as Record<string, OperationSpec>)?.[
    method
  ];
  if (!operation) {
    return [`the spec has no ${method.toUpperCase()} ${path}`];
  }
  const statusKey =
    String(answer.status) in operation.responses
      ? String(answer.status)
      : 'default';
  let response = operation.responses[statusKey];
  let at = pointer('paths', path, method, 'responses', statusKey);
  if (!response) {
    return [`status ${answer.status} is not declared`];
  }
  if (response.$ref) {
    const name = response.$ref.replace('#/components/responses/', '');
    response = document.components.responses[name];
    at = pointer('components', 'responses', name);
  }
  const mediaType = (answer.headers['content-type'] ?? '').split(';')[0];
  const declared = Object.keys(response.content ?? {});
  if (declared.length === 0) {
    return answer.text ? ['a body where the spec declares none'] : [];
  }
  if (!declared.includes(mediaType)) {
    return [
      `content type '${mediaType}' for ${
        answer.status
      }; the spec declares ${declared.join(', ')}`,
    ];
  }
  if (mediaType !== 'application/json') {
    return [];
  }
  const validate = ajv.getSchema(
    `spec#${at}${pointer('content', mediaType, 'schema')}`,
  )!;
  return validate(JSON.parse(answer.text))
    ? []
    : (validate.errors ?? []).map(
        e => `body${e.instancePath} ${e.message ?? 'is invalid'}`,
      );
}
