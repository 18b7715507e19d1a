/**
 * HTTP helpers shared by Strata's backend plugins.
 *
 * @packageDocumentation
 */
export { jsonBody, type JsonBodyOptions } from './jsonBody';
export { catalogReadCredentials } from './catalogReadCredentials';
export {
  openApiRouterFactory,
  type GeneratedEndpointMap,
  type OpenApiRouterOptions,
} from './openApiRouterFactory';
