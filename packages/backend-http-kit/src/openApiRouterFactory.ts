import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';

type CreateRouter = typeof createValidatedOpenApiRouterFromGeneratedEndpointMap;

/** What a generated `createOpenApiRouter` takes: the validator's options and middleware. */
export type OpenApiRouterOptions = Parameters<CreateRouter>[1];

/**
 * The shape of a generated `EndpointMap` (one entry per operation, its
 * path, query, body and response types). Backstage's own type of it is not
 * exported, so this mirrors the constraint of
 * `createValidatedOpenApiRouterFromGeneratedEndpointMap`.
 */
export type GeneratedEndpointMap = Record<
  string,
  {
    query?: object;
    body?: object;
    response?: object | string | void;
    path?: object;
  }
>;

/**
 * The `createOpenApiRouter` of a generated router.ts: a router that validates
 * requests against `spec`, with handlers typed by the generated EndpointMap.
 * Every generated router is this function of its own spec, so it is written
 * once here instead of in each of them.
 */
export function openApiRouterFactory<T extends GeneratedEndpointMap>(
  spec: Parameters<CreateRouter>[0],
) {
  return async (options?: OpenApiRouterOptions) =>
    createValidatedOpenApiRouterFromGeneratedEndpointMap<T>(spec, options);
}
