/**
 * `@internal/backend-test-kit/catalog`: the real catalog backend for integration tests.
 *
 * An entry point of its own so that the kit's main entry point does not load the catalog, the
 * permission and the MCP actions backends into every test that only wants `waitFor` or
 * `describeMigrations`. The backends it starts are optional peer dependencies: a package that
 * imports this entry point lists them in its own devDependencies.
 *
 * @packageDocumentation
 */
export {
  startCatalogTestBackend,
  type AsUser,
  type CatalogTestBackend,
  type CatalogTestBackendOptions,
  type McpToolResult,
} from './startCatalogTestBackend';
export { signedInUsers } from './signedInUsers';
export { componentYaml } from './componentYaml';
