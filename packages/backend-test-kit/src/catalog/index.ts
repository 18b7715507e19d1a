/**
 * `@internal/backend-test-kit/catalog`: the real catalog backend for integration tests.
 *
 * An entry point of its own so that the kit's main entry point does not load the backends it
 * starts into every test that only wants `waitFor` or `describeMigrations`. The permission and
 * MCP actions backends are optional peer dependencies, required only by the `permissions` and
 * `mcpActions` options: a package that uses those lists them in its own devDependencies.
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
