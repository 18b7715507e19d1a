/* eslint-disable no-script-url -- script URLs are the inputs under test */
/*
 * Checks that the validator agrees with the catalog's own gatekeepers: the
 * entity policies the catalog backend installs by default and the kind
 * validators of its built-in processors (async, as the backend runs them),
 * plus Strata's service model, which the portal's catalog enforces with the
 * same `validateServiceModel` (ServiceModelProcessor.validateEntityKind).
 */
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  makeValidator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { validateServiceModel } from '@internal/plugin-service-model-common';
import { stringify } from 'yaml';
import { validateCatalogFile } from './validate';

const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(makeValidator()),
]);

const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];

/** Whether the catalog's policies and kind validators accept the entity. */
async function catalogAccepts(entity: Entity): Promise<boolean> {
  try {
    const enforced = await policy.enforce(structuredClone(entity));
    if (validateServiceModel(enforced!).length > 0) {
      return false;
    }
    for (const validator of kindValidators) {
      if (await validator.check(enforced!)) {
        return true;
      }
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * Rules that check what the catalog only finds later in processing (relation
 * references) or across entities (duplicates).
 */
const laterRules = ['invalid-reference', 'duplicate-entity'];

function validatorAccepts(entity: Entity): boolean {
  const { violations } = validateCatalogFile(stringify(entity), {
    filePath: 'x.yaml',
  });
  return !violations.some(
    v => v.severity === 'error' && !laterRules.includes(v.rule),
  );
}

const base = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'team-a',
    tier: 1,
  },
};
const variant = (patch: (e: any) => void): Entity => {
  const entity = structuredClone(base) as any;
  patch(entity);
  return entity;
};

const cases: [string, Entity][] = [
  ['a valid component', variant(() => {})],
  ['tier 7', variant(e => (e.spec.tier = 7))],
  ['quoted tier', variant(e => (e.spec.tier = '1'))],
  ['service without tier', variant(e => delete e.spec.tier)],
  [
    'website without tier',
    variant(e => {
      e.spec.type = 'website';
      delete e.spec.tier;
    }),
  ],
  [
    'database with a bad engine',
    variant(e => {
      e.kind = 'Resource';
      e.spec = { type: 'database', owner: 'g', engine: 'pg', personalData: 0 };
    }),
  ],
  ['produces an API', variant(e => (e.spec.produces = ['api:default/events']))],
  ['beta apiVersion', variant(e => (e.apiVersion = 'backstage.io/v1beta1'))],
  ['unknown apiVersion', variant(e => (e.apiVersion = 'backstage.io/v2'))],
  ['unknown kind', variant(e => (e.kind = 'Service'))],
  ['lower-case kind', variant(e => (e.kind = 'component'))],
  ['63-character name', variant(e => (e.metadata.name = 'a'.repeat(63)))],
  ['64-character name', variant(e => (e.metadata.name = 'a'.repeat(64)))],
  ['name with a space', variant(e => (e.metadata.name = 'my svc'))],
  ['bad namespace', variant(e => (e.metadata.namespace = 'Team_A'))],
  ['good namespace', variant(e => (e.metadata.namespace = 'team-a'))],
  ['bad label key', variant(e => (e.metadata.labels = { 'a/b/c': 'x' }))],
  ['bad label value', variant(e => (e.metadata.labels = { a: 'x y' }))],
  ['label value not a string', variant(e => (e.metadata.labels = { a: 1 }))],
  [
    'bad annotation key',
    variant(e => (e.metadata.annotations = { 'a b': 'x' })),
  ],
  [
    'good annotation',
    variant(
      e => (e.metadata.annotations = { 'backstage.io/techdocs-ref': 'dir:.' }),
    ),
  ],
  ['bad tag', variant(e => (e.metadata.tags = ['Java']))],
  ['good tags', variant(e => (e.metadata.tags = ['java', 'c++']))],
  ['relative link', variant(e => (e.metadata.links = [{ url: '/docs' }]))],
  [
    'empty link title',
    variant(
      e => (e.metadata.links = [{ url: 'https://x.example', title: '' }]),
    ),
  ],
  ['foreign root field', variant(e => (e.owner = 'x'))],
  ['status root field', variant(e => (e.status = {}))],
  ['missing owner', variant(e => delete e.spec.owner)],
  ['missing spec', variant(e => delete e.spec)],
  ['owner not a string', variant(e => (e.spec.owner = 5))],
  ['dependsOn not a list', variant(e => (e.spec.dependsOn = 'resource:db'))],
  ['unknown spec field', variant(e => (e.spec.extra = 1))],
  [
    'group without children',
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'g' },
      spec: { type: 'team' },
    } as any,
  ],
  [
    'valid group',
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'g' },
      spec: { type: 'team', children: [] },
    } as any,
  ],
  [
    'valid user',
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'u' },
      spec: { memberOf: ['g'] },
    } as any,
  ],
  [
    'valid location',
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'l' },
      spec: { targets: ['./a.yaml'] },
    } as any,
  ],
  [
    'valid template',
    {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 't' },
      spec: { type: 'service', owner: 'g', steps: [] },
    } as any,
  ],
  [
    'template without steps',
    {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 't' },
      spec: { type: 'service', owner: 'g' },
    } as any,
  ],
  [
    'API without definition',
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'a' },
      spec: { type: 'openapi', lifecycle: 'production', owner: 'g' },
    } as any,
  ],
];

describe('agreement with the catalog', () => {
  it.each(cases)('%s', async (_, entity) => {
    expect(validatorAccepts(entity)).toBe(await catalogAccepts(entity));
  });
});

describe('stricter than the catalog', () => {
  it('rejects javascript: links, which the catalog stores and the portal refuses to open', async () => {
    const entity = variant(
      e => (e.metadata.links = [{ url: 'javascript:alert(1)' }]),
    );
    expect(await catalogAccepts(entity)).toBe(true);
    expect(validatorAccepts(entity)).toBe(false);
  });
});
