/**
 * The run-time part of the code @internal/openapi-codegen generates: the
 * request sender every generated API client delegates to, and the spec parts
 * generated routers share. Browser-safe: no Node-only imports.
 *
 * @packageDocumentation
 */

export { OpenApiRequester } from './OpenApiRequester';
export type {
  ApiClientOptions,
  DiscoveryApi,
  FetchApi,
  RequestOptions,
  RequestParts,
} from './OpenApiRequester';
export { queryString } from './queryString';
export {
  errorResponse,
  errorSchema,
  jwtSecurityScheme,
  sharedSpecComponents,
} from './specComponents';
