import fs from 'node:fs';
import { makeRepo, readFile, run } from '../__testUtils__/repo';

const SERVER = 'plugins/shop-backend/src/schema/openapi/generated';
const CLIENT = 'plugins/shop-common/src/generated';

/**
 * The fixture spec's generated types, as golden snapshots: path and query
 * parameters, a `oneOf` body, 204s, a text answer, nested models, property
 * enums, allOf, maps, 3.0 and 3.1 nullability. Review a snapshot change like
 * code: it is what every plugin's generated files will look like.
 */
describe('generated types of the fixture spec', () => {
  let root: string;
  beforeAll(async () => {
    root = makeRepo();
    await run(root, 'generate');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.each([
    `${SERVER}/apis/Api.server.ts`,
    `${SERVER}/models/ModelError.model.ts`,
    `${SERVER}/models/ModelErrorError.model.ts`,
    `${SERVER}/models/NewOrder.model.ts`,
    `${SERVER}/models/Order.model.ts`,
    `${SERVER}/models/OrderStatus.model.ts`,
    `${SERVER}/models/Labels.model.ts`,
    `${SERVER}/models/Shipment.model.ts`,
    `${CLIENT}/apis/ShopApi.client.ts`,
  ])('%s', file => {
    expect(readFile(root, file)).toMatchSnapshot();
  });

  it('emits the same models for the server and the client', () => {
    for (const model of ['NewOrder', 'Order', 'Shipment']) {
      expect(readFile(root, `${CLIENT}/models/${model}.model.ts`)).toBe(
        readFile(root, `${SERVER}/models/${model}.model.ts`),
      );
    }
  });

  it('embeds the spec in the router and builds it with the shared factory', () => {
    const router = readFile(root, `${SERVER}/router.ts`);
    expect(router).toContain("operationId: 'list-orders',");
    expect(router).toContain('} as const;');
    expect(router).toContain(
      "import { openApiRouterFactory } from '@internal/backend-http-kit';",
    );
    expect(router).toContain(
      'export const createOpenApiRouter = openApiRouterFactory<EndpointMap>(spec);',
    );
    // The fixture's Error and ErrorResponse are variants of the shared ones
    // (no additionalProperties, another description): they stay inline.
    expect(router).not.toContain('@internal/openapi-runtime');
    expect(router).toContain("description: 'An error.',");
  });

  it('leaves the request runtime to @internal/openapi-runtime', () => {
    const client = readFile(root, `${CLIENT}/apis/ShopApi.client.ts`);
    expect(client).toContain(
      "import { OpenApiRequester } from '@internal/openapi-runtime';",
    );
    expect(client).not.toMatch(/URLSearchParams|@backstage\/errors|fetch\(/);
  });
});
