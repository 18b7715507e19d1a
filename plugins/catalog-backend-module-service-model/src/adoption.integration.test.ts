/*
 * Catalog adoption: a catalog written for stock Backstage (examples/backstage-standard, none of
 * the fields Strata adds) registered in the real catalog backend with Strata's service-model
 * module, on every database the suite has. Every entity is served with no processing error and
 * with the relations stock Backstage draws. With strata.serviceModel.strict the entities that
 * lack a recommended field are refused, naming the field, and the others are still served.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { modelRecommendations } from '@internal/plugin-service-model-common';
import path from 'node:path';
import request from 'supertest';
import { waitFor } from '@internal/backend-test-kit';
import serviceModelModule from './index';

const corpusRoot = path.resolve(
  __dirname,
  '../../../examples/backstage-standard',
);
const entryFile = path.join(corpusRoot, 'catalog-info.yaml');

/** Every entity the corpus declares (its two Locations included). */
const declaredRefs = [
  'api:default/catalog-graphql',
  'api:default/order-events',
  'api:default/payments-grpc',
  'api:default/storefront-openapi',
  'component:alternative/gift-cards',
  'component:default/payment-gateway',
  'component:default/payment-webhooks',
  'component:default/reporting',
  'component:default/storefront-api',
  'component:default/ui-kit',
  'component:default/web-shop',
  'domain:default/analytics',
  'domain:default/checkout',
  'domain:default/commerce',
  'group:default/data-team',
  'group:default/engineering',
  'group:default/harbor',
  'group:default/storefront-team',
  'location:default/backstage-standard',
  'location:default/insights',
  'resource:default/orders-created',
  'resource:default/orders-db',
  'resource:default/payment-receipts',
  'resource:default/product-images',
  'resource:default/session-cache',
  'resource:default/warehouse-db',
  'system:default/insights',
  'system:default/payments',
  'system:default/storefront',
  'user:contractors/sam.ortiz',
  'user:default/ana.silva',
  'user:default/dana.okafor',
  'user:default/lee.chen',
];

/** The entities that lack a field Strata recommends (a service's tier, a database's engine…). */
const incompleteRefs = [
  'component:alternative/gift-cards',
  'component:default/payment-gateway',
  'component:default/payment-webhooks',
  'component:default/reporting',
  'component:default/storefront-api',
  'resource:default/orders-created',
  'resource:default/orders-db',
  'resource:default/warehouse-db',
];

type Knex = Awaited<
  ReturnType<ReturnType<typeof TestDatabases.create>['init']>
>;

const ALL_KINDS = [
  'Domain',
  'System',
  'Component',
  'API',
  'Resource',
  'Location',
  'Group',
  'User',
];

async function startCatalog(knex: Knex, strict?: boolean) {
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      serviceModelModule,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ...(strict !== undefined && {
            strata: { serviceModel: { strict } },
          }),
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ALL_KINDS }],
            locations: [
              {
                type: 'file',
                target: entryFile,
                rules: [{ allow: ALL_KINDS }],
              },
            ],
          },
        },
      }),
    ],
  });
  return server;
}

/** Entities refused on ingestion: never stitched, their errors stay in the refresh state. */
async function refused(knex: Knex): Promise<Map<string, string[]>> {
  const rows = await knex('refresh_state').select('entity_ref', 'errors');
  return new Map(
    rows
      .filter(row => row.errors && row.errors !== '[]')
      .map(row => [
        row.entity_ref as string,
        (JSON.parse(row.errors) as Array<{ message: string }>).map(
          e => e.message,
        ),
      ]),
  );
}

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'a catalog written for stock Backstage on %s',
  databaseId => {
    it('serves every entity with no processing error and the standard relations', async () => {
      const knex = await databases.init(databaseId);
      const server = await startCatalog(knex);
      const fetchAll = async () => {
        const res = await request(server)
          .get('/api/catalog/entities')
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return res.body as Entity[];
      };

      const entities = await waitFor(async () => {
        const failed = await refused(knex);
        if (failed.size > 0) {
          throw new Error(
            `refused: ${JSON.stringify(Object.fromEntries(failed))}`,
          );
        }
        const stitched = (await fetchAll()).filter(
          e => e.relations !== undefined,
        );
        const refs = new Set(stitched.map(e => stringifyEntityRef(e)));
        return declaredRefs.every(ref => refs.has(ref)) ? stitched : undefined;
      }, 'every corpus entity');

      // Served: exactly the corpus, plus the Location the catalog generates for the config entry.
      expect(
        entities
          .map(e => stringifyEntityRef(e))
          .filter(ref => !ref.startsWith('location:default/generated-'))
          .sort(),
      ).toEqual(declaredRefs);
      const errors = (entities as AlphaEntity[]).flatMap(e =>
        (e.status?.items ?? [])
          .filter(item => item.level === 'error')
          .map(item => `${stringifyEntityRef(e)}: ${item.error?.message}`),
      );
      expect(errors).toEqual([]);
      expect(await refused(knex)).toEqual(new Map());

      // The shapes the corpus is meant to cover, as served.
      const types = (kind: string) =>
        [
          ...new Set(
            entities
              .filter(e => e.kind === kind)
              .map(e => String(e.spec?.type)),
          ),
        ].sort();
      expect(types('Component')).toEqual(['library', 'service', 'website']);
      expect(types('API')).toEqual(['asyncapi', 'graphql', 'grpc', 'openapi']);
      expect(types('Resource')).toEqual([
        'cache',
        'database',
        'kafka-topic',
        's3-bucket',
      ]);
      // What they leave out is a recommendation, counted by the function the entity page and
      // scorecards use.
      expect(
        entities
          .filter(e => modelRecommendations(e).length > 0)
          .map(e => stringifyEntityRef(e))
          .sort(),
      ).toEqual(incompleteRefs);
      expect(entities.flatMap(modelRecommendations)).toHaveLength(11);

      const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
      const targets = (ref: string, type: string) =>
        byRef
          .get(ref)!
          .relations!.filter(r => r.type === type)
          .map(r => r.targetRef)
          .sort();

      // Ownership, both ways; a bare owner name means a Group.
      const storefrontApi = 'component:default/storefront-api';
      const team = 'group:default/storefront-team';
      expect(targets(storefrontApi, 'ownedBy')).toEqual([team]);
      expect(targets(team, 'ownerOf')).toEqual(
        expect.arrayContaining([
          storefrontApi,
          'api:default/storefront-openapi',
          'resource:default/orders-db',
          'system:default/storefront',
          'domain:default/commerce',
        ]),
      );
      // A component in another namespace, owner written as namespace/name.
      expect(targets('component:alternative/gift-cards', 'ownedBy')).toEqual([
        team,
      ]);
      // System, domain, subdomain and sub-component membership: partOf / hasPart.
      expect(targets(storefrontApi, 'partOf')).toEqual([
        'system:default/storefront',
      ]);
      expect(targets('system:default/storefront', 'partOf')).toEqual([
        'domain:default/commerce',
      ]);
      expect(targets('domain:default/checkout', 'partOf')).toEqual([
        'domain:default/commerce',
      ]);
      expect(targets('component:default/payment-gateway', 'hasPart')).toEqual([
        'component:default/payment-webhooks',
      ]);
      expect(targets('system:default/payments', 'hasPart')).toEqual([
        'api:default/payments-grpc',
        'component:default/payment-gateway',
        'resource:default/payment-receipts',
      ]);
      // APIs: providesApi / apiProvidedBy, consumesApi / apiConsumedBy.
      expect(targets(storefrontApi, 'providesApi')).toEqual([
        'api:default/order-events',
        'api:default/storefront-openapi',
      ]);
      expect(
        targets('api:default/storefront-openapi', 'apiConsumedBy'),
      ).toEqual(['component:default/web-shop']);
      expect(targets('api:default/payments-grpc', 'apiProvidedBy')).toEqual([
        'component:default/payment-gateway',
      ]);
      expect(targets('api:default/order-events', 'apiConsumedBy')).toEqual([
        'component:default/reporting',
      ]);
      // dependsOn / dependencyOf, written on either side, Components and Resources.
      expect(targets(storefrontApi, 'dependsOn')).toEqual([
        'component:default/payment-gateway',
        'resource:default/orders-db',
        'resource:default/session-cache',
      ]);
      expect(targets('resource:default/orders-db', 'dependencyOf')).toEqual([
        'component:default/reporting',
        storefrontApi,
        'resource:default/session-cache',
      ]);
      expect(targets('component:default/web-shop', 'dependsOn')).toEqual([
        'component:default/ui-kit',
        'resource:default/product-images',
      ]);
      expect(targets('component:default/payment-gateway', 'dependsOn')).toEqual(
        ['resource:default/payment-receipts'],
      );
      // Org: memberOf / hasMember (from either side, across namespaces), childOf / parentOf.
      expect(targets('group:default/data-team', 'hasMember')).toEqual([
        'user:contractors/sam.ortiz',
        'user:default/dana.okafor',
        'user:default/lee.chen',
      ]);
      expect(targets('user:default/lee.chen', 'memberOf')).toEqual([
        'group:default/data-team',
        team,
      ]);
      expect(targets('group:default/engineering', 'childOf')).toEqual([
        'group:default/harbor',
      ]);
      expect(targets('group:default/engineering', 'parentOf')).toEqual([
        'group:default/data-team',
        team,
      ]);
      // No Strata relations were invented for entities that do not declare them.
      expect(
        entities.flatMap(e =>
          (e.relations ?? []).filter(r =>
            ['produces', 'consumes', 'hasSchema'].includes(r.type),
          ),
        ),
      ).toEqual([]);
      // The entity written in a nested Location is served too.
      expect(
        byRef.get('component:default/reporting')?.metadata.annotations?.[
          'backstage.io/managed-by-location'
        ],
      ).toBe(`file:${path.join(corpusRoot, 'components/reporting.yaml')}`);
    }, 120_000);

    it('in strict mode refuses what lacks a recommended field, naming it, and serves the rest', async () => {
      const knex = await databases.init(databaseId);
      const server = await startCatalog(knex, true);
      const incomplete = incompleteRefs;
      const complete = declaredRefs.filter(ref => !incomplete.includes(ref));

      const failed = await waitFor(async () => {
        const all = await refused(knex);
        return incomplete.every(ref => all.has(ref)) ? all : undefined;
      }, 'strict-mode errors');
      expect([...failed.keys()].sort()).toEqual(incomplete);
      expect(failed.get('component:default/storefront-api')).toEqual([
        expect.stringMatching(
          /does not follow Strata's service model.*spec\.tier: is required in strict mode/,
        ),
      ]);
      expect(failed.get('resource:default/orders-db')![0]).toMatch(
        /spec\.engine: is required in strict mode.*spec\.personalData: is required in strict mode/,
      );

      const served = await waitFor(async () => {
        const res = await request(server)
          .get('/api/catalog/entities')
          .set('Authorization', mockCredentials.user.header());
        const refs = (res.body as Entity[])
          .filter(e => e.relations !== undefined)
          .map(e => stringifyEntityRef(e));
        return complete.every(ref => refs.includes(ref)) ? refs : undefined;
      }, 'complete entities served');
      expect(served.filter(ref => incomplete.includes(ref))).toEqual([]);
    }, 120_000);
  },
);
