import {
  database,
  queue,
  service,
  topic,
  without,
} from './__testUtils__/entities';
import type { Entity } from '@backstage/catalog-model';
import {
  formatModelViolation,
  modelRecommendations,
  recommendationAsViolation,
  validateServiceModel,
} from './validateServiceModel';

/** As stock Backstage writes them: none of Strata's fields. */
const standardEntities: Entity[] = [
  without(without(without(service(), 'tier'), 'produces'), 'consumes'),
  without(without(database(), 'engine'), 'personalData'),
  without(without(topic(), 'topic'), 'schema'),
];

describe('validateServiceModel', () => {
  it('accepts valid entities of every covered type', () => {
    for (const entity of [service(), database(), topic(), queue()]) {
      expect(validateServiceModel(entity)).toEqual([]);
    }
  });

  it('accepts entities the model does not cover', () => {
    expect(
      validateServiceModel({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'pipelines' },
        spec: { type: 'team', children: [] },
      }),
    ).toEqual([]);
    expect(
      validateServiceModel({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'bucket' },
        spec: { type: 's3-bucket', owner: 'x' },
      }),
    ).toEqual([]);
  });

  it('collects every violation of an entity, in field order', () => {
    expect(
      validateServiceModel(
        service({ tier: 7, produces: ['ok', 'api:x'], consumes: 'x' }),
      ).map(v => `${v.rule} ${v.path}`),
    ).toEqual([
      'service-tier spec.tier',
      'component-produces spec.produces[1]',
      'component-consumes spec.consumes',
    ]);
    expect(
      validateServiceModel(
        database({ engine: 'postgres', personalData: 'false' }),
      ).map(v => v.path),
    ).toEqual(['spec.engine', 'spec.personalData']);
    expect(
      validateServiceModel({
        ...topic(),
        spec: { type: 'kafka-topic', topic: '', schema: 'component:x' },
      }).map(v => v.path),
    ).toEqual(['spec.topic', 'spec.schema']);
  });

  it('serves standard Backstage entities that leave out what Strata adds', () => {
    for (const entity of standardEntities) {
      expect(validateServiceModel(entity)).toEqual([]);
      expect(validateServiceModel(entity, { strict: false })).toEqual([]);
    }
  });

  it('in strict mode reports each missing recommended field as a violation, in field order', () => {
    expect(
      standardEntities.map(entity =>
        validateServiceModel(entity, { strict: true }).map(v => v.path),
      ),
    ).toEqual([
      ['spec.tier'],
      ['spec.engine', 'spec.personalData'],
      ['spec.topic', 'spec.schema'],
    ]);
    const [tier] = validateServiceModel(standardEntities[0], { strict: true });
    expect(tier).toEqual({
      rule: 'service-tier',
      path: 'spec.tier',
      message: expect.stringMatching(
        /^is required in strict mode \(No tier: Paging urgency/,
      ),
      fix: 'Add `tier: <n>` under spec, n = 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).',
    });
    expect(tier).toEqual(
      recommendationAsViolation(modelRecommendations(standardEntities[0])[0]),
    );
  });

  it('in strict mode still reports wrong values once, and complete entities not at all', () => {
    expect(
      validateServiceModel(service({ tier: '2' }), { strict: true }),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.tier',
        message: 'must be the integer 1, 2 or 3, got "2"',
      }),
    ]);
    for (const entity of [service(), database(), topic(), queue()]) {
      expect(validateServiceModel(entity, { strict: true })).toEqual([]);
    }
  });

  it('formats a violation on one line', () => {
    const [violation] = validateServiceModel(service({ tier: 7 }));
    expect(formatModelViolation(violation)).toBe(
      'spec.tier: must be the integer 1, 2 or 3, got 7 (fix: Use 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).)',
    );
  });
});

describe('modelRecommendations', () => {
  it('lists what a standard entity leaves out, with why and how', () => {
    expect(modelRecommendations(standardEntities[0])).toEqual([
      {
        rule: 'service-tier',
        path: 'spec.tier',
        message: 'No tier',
        why: expect.any(String),
        fix: expect.stringContaining('tier:'),
      },
    ]);
    expect(
      modelRecommendations(standardEntities[1]).map(r => [r.rule, r.path]),
    ).toEqual([
      ['database-engine', 'spec.engine'],
      ['database-personal-data', 'spec.personalData'],
    ]);
    expect(modelRecommendations(standardEntities[2])).toEqual([
      expect.objectContaining({
        rule: 'messaging-topic',
        path: 'spec.topic',
        suggestedValue: 'pipeline.run.created',
      }),
      expect.objectContaining({ rule: 'messaging-schema', path: 'spec.schema' }),
    ]);
    for (const recommendation of standardEntities.flatMap(
      modelRecommendations,
    )) {
      expect(recommendation.why.length).toBeGreaterThan(20);
      expect(recommendation.fix).toMatch(/^Add `/);
    }
  });

  it('is empty for complete entities, entities with wrong values, and uncovered kinds', () => {
    for (const entity of [service(), database(), topic(), queue()]) {
      expect(modelRecommendations(entity)).toEqual([]);
    }
    expect(modelRecommendations(service({ tier: 9 }))).toEqual([]);
    expect(
      modelRecommendations(without(service({ type: 'library' }), 'tier')),
    ).toEqual([]);
    expect(
      modelRecommendations({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'bucket' },
        spec: { type: 's3-bucket', owner: 'x' },
      }),
    ).toEqual([]);
  });

  it('does not throw on odd shapes', () => {
    const noSpec = service();
    delete noSpec.spec;
    expect(modelRecommendations(noSpec)).toEqual([]);
    expect(
      modelRecommendations({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'x', tags: 'postgres' as unknown as string[] },
        spec: { type: 'database' },
      }).map(r => r.path),
    ).toEqual(['spec.engine', 'spec.personalData']);
  });
});
