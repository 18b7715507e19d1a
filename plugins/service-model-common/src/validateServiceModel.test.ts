import {
  database,
  queue,
  service,
  topic,
  without,
} from './__testUtils__/entities';
import {
  formatModelViolation,
  validateServiceModel,
} from './validateServiceModel';

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
        without(without(database(), 'engine'), 'personalData'),
      ).map(v => v.path),
    ).toEqual(['spec.engine', 'spec.personalData']);
    expect(
      validateServiceModel({ ...topic(), spec: { type: 'kafka-topic' } }).map(
        v => v.path,
      ),
    ).toEqual(['spec.topic', 'spec.schema']);
  });

  it('formats a violation on one line', () => {
    const [violation] = validateServiceModel(service({ tier: 7 }));
    expect(formatModelViolation(violation)).toBe(
      'spec.tier: must be the integer 1, 2 or 3, got 7 (fix: Use 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).)',
    );
  });
});
