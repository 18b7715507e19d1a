/*
 * A lookup by entityRef of an entity registered after the index was built: read from the catalog
 * (InMemoryCatalogClient, the catalog service's test double, answering getEntitiesByRefs with
 * its filter and fields) and answered exactly as the index will answer once it has it.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntityReader } from '../catalogIndex/fromCatalog';
import { OwnershipIndex } from '../catalogIndex/OwnershipIndex';
import { HealthSources } from '../health/health';
import { CatalogRotationProvider } from '../oncall/CatalogRotationProvider';
import { ORGANISATION, component, group } from '../__testUtils__/organisation';
import { LookupService } from './LookupService';

const BUILT_AT = new Date('2026-12-02T10:00:00Z');
const FROM_CATALOG =
  'entityRef (read from the catalog: the ownership index has not reached it yet)';

/** Registered after the index was built: a service of billing, and a new team with its first service. */
const CHECKOUT = component('checkout', 'billing');
const PAYMENTS = group('payments', {
  parent: 'engineering',
  email: 'payments@dataflow.example',
  links: [
    { url: 'https://dataflow.slack.com/archives/C0PAY', title: '#payments' },
  ],
});
const LEDGER = component('ledger', 'payments');
const TEMPLATE: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'node-service', namespace: 'default' },
  spec: { owner: 'group:default/platform' },
};
const REGISTERED_SINCE = [CHECKOUT, PAYMENTS, LEDGER, TEMPLATE];

function setup(options: { indexed?: Entity[] } = {}) {
  const catalog = catalogServiceMock({
    entities: [...ORGANISATION, ...REGISTERED_SINCE],
  });
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const serviceOver = (index: OwnershipIndex) =>
    new LookupService({
      index: { get: async () => index },
      providers: [new CatalogRotationProvider()],
      health: new HealthSources({ auth: mockServices.auth(), timeoutMs: 1000 }),
      catalog: catalogEntityReader(catalog, mockServices.auth()),
    });
  const service = serviceOver(
    OwnershipIndex.build(options.indexed ?? ORGANISATION, BUILT_AT),
  );
  const lookup = (key: string, value: string) =>
    service.lookup({ key: key as any, value }, mockCredentials.user(), {
      withHealth: false,
    });
  /** The same lookup once the index has everything the catalog has. */
  const lookupRebuilt = (value: string) =>
    serviceOver(
      OwnershipIndex.build([...ORGANISATION, ...REGISTERED_SINCE]),
    ).lookup({ key: 'entityRef', value }, mockCredentials.user(), {
      withHealth: false,
    });
  return { lookup, lookupRebuilt, getEntitiesByRefs };
}

describe('a lookup by entityRef the index has not reached yet', () => {
  it("answers 200 from the catalog, read with the plugin's own credentials, as the rebuilt index will", async () => {
    const { lookup, lookupRebuilt, getEntitiesByRefs } = setup();
    const result = await lookup('entityRef', 'component:default/checkout');
    expect(result).toMatchObject({
      entityRef: 'component:default/checkout',
      kind: 'Component',
      matchedBy: FROM_CATALOG,
      owner: {
        ref: 'group:default/billing',
        title: 'Billing Team',
        contacts: [{ type: 'email', value: 'billing@dataflow.example' }],
      },
      onCall: {
        source: 'catalog',
        primary: 'user:default/sofia-rossi',
        fromGroup: 'group:default/billing',
      },
      escalation: [
        'group:default/billing',
        'group:default/engineering',
        'group:default/dataflow',
      ],
    });
    // Owner and parents were in the index: one catalog read, of the entity alone.
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    const [request, options] = getEntitiesByRefs.mock.calls[0];
    expect(request.entityRefs).toEqual(['component:default/checkout']);
    expect(request.fields).toContain('relations');
    expect((options as any).credentials.principal).toMatchObject({
      type: 'service',
      subject: 'plugin:test',
    });

    const rebuilt = await lookupRebuilt('component:default/checkout');
    expect({ ...result, matchedBy: 'entityRef' }).toEqual(rebuilt);
  });

  it('reads a new owner from the catalog too: a team registered with its first service', async () => {
    const { lookup, lookupRebuilt, getEntitiesByRefs } = setup();
    const result = await lookup('entityRef', 'ledger');
    expect(result.owner).toEqual({
      ref: 'group:default/payments',
      title: 'Payments Team',
      contacts: [
        { type: 'email', value: 'payments@dataflow.example' },
        {
          type: 'chat',
          value: 'https://dataflow.slack.com/archives/C0PAY',
          title: '#payments',
        },
      ],
    });
    // payments has no rotation of its own: engineering's covers it.
    expect(result.onCall).toMatchObject({
      source: 'catalog',
      primary: 'user:default/miriam-okafor',
      fromGroup: 'group:default/engineering',
    });
    expect(result.escalation).toEqual([
      'group:default/payments',
      'group:default/engineering',
      'group:default/dataflow',
    ]);
    expect(getEntitiesByRefs.mock.calls.map(([r]) => r.entityRefs)).toEqual([
      ['component:default/ledger'],
      ['group:default/payments'],
    ]);
    expect({ ...result, matchedBy: 'entityRef' }).toEqual(
      await lookupRebuilt('ledger'),
    );
  });

  it('looks a new team up as its own owner', async () => {
    const { lookup } = setup();
    const result = await lookup('entityRef', 'group:default/payments');
    expect(result.matchedBy).toBe(FROM_CATALOG);
    expect(result.owner.ref).toBe('group:default/payments');
    expect(result.escalation).toEqual([
      'group:default/payments',
      'group:default/engineering',
      'group:default/dataflow',
    ]);
  });

  it('does not ask the catalog for an entity the index has', async () => {
    const { lookup, getEntitiesByRefs } = setup();
    const result = await lookup('entityRef', 'component:default/billing');
    expect(result.matchedBy).toBe('entityRef');
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('answers 404 saying what was searched when the catalog does not have it either', async () => {
    const { lookup } = setup();
    await expect(
      lookup('entityRef', 'component:default/nope'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'No entity component:default/nope in the catalog; searched the ownership index (built 2026-12-02T10:00:00.000Z) and the catalog',
    });
  });

  it('answers 404 for a kind the index does not keep, naming the kinds it does', async () => {
    const { lookup, getEntitiesByRefs } = setup();
    await expect(
      lookup('entityRef', 'template:default/node-service'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'No entity template:default/node-service to look up: ownership knows Component, Resource, Group, User, System, API, not template',
    });
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('answers 503 saying why when the catalog cannot be asked', async () => {
    const { lookup, getEntitiesByRefs } = setup();
    getEntitiesByRefs.mockRejectedValueOnce(new Error('connect ECONNREFUSED'));
    await expect(
      lookup('entityRef', 'component:default/checkout'),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'component:default/checkout is not in the ownership index (built 2026-12-02T10:00:00.000Z) and the catalog could not be asked: connect ECONNREFUSED',
    });
  });

  it('keeps the other keys on the index: a new service is found by otelServiceName after the next rebuild', async () => {
    const { lookup, getEntitiesByRefs } = setup();
    await expect(lookup('otelServiceName', 'checkout')).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        "No Component has strata.dev/otel-service-name or name 'checkout'; searched namespaces acme, default",
    });
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('still answers 400 for a malformed entityRef', async () => {
    const { lookup } = setup();
    await expect(
      lookup('entityRef', 'component:default/'),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('entityRef: not an entity reference'),
    });
  });
});
