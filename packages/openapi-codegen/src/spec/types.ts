/*
 * The parts of an OpenAPI 3.0/3.1 document the generator reads. Loose on
 * purpose: the YAML is parsed as plain data, and anything the generator does
 * not understand is refused with the place it was found (see unsupported.ts).
 */

/** A JSON Schema as OpenAPI writes it (3.0's `nullable` and 3.1's type arrays). */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  [keyword: string]: unknown;
};

export type Reference = { $ref: string };

export type MediaType = { schema?: Schema };

export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
};

export type RequestBody = {
  required?: boolean;
  description?: string;
  content?: Record<string, MediaType>;
};

export type ResponseObject = {
  description?: string;
  content?: Record<string, MediaType>;
};

export type OperationObject = {
  operationId?: string;
  description?: string;
  summary?: string;
  parameters?: Array<Parameter | Reference>;
  requestBody?: RequestBody | Reference;
  responses?: Record<string, ResponseObject | Reference>;
};

export type PathItem = {
  parameters?: Array<Parameter | Reference>;
} & { [method: string]: unknown };

export type OpenApiDocument = {
  openapi: string;
  info?: { title?: string };
  paths?: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, Schema>;
    parameters?: Record<string, Parameter>;
    requestBodies?: Record<string, RequestBody>;
    responses?: Record<string, ResponseObject>;
  };
};

/** The HTTP methods OpenAPI allows on a path, in the order operations are emitted. */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];
