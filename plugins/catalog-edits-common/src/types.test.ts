import type {
  CatalogEdit as WireCatalogEdit,
  CatalogEditProposal as WireCatalogEditProposal,
  ProposeEditRequest as WireProposeEditRequest,
  SetSpecFieldEditPathEnum,
} from './generated';
import { SPEC_FIELD_PATHS } from './specFields';
import type {
  CatalogEdit,
  CatalogEditProposal,
  CatalogEditType,
  ProposeEditRequest,
} from './types';

/*
 * The domain types against the spec's generated ones. The assignments fail to
 * compile (tsc) when the spec stops accepting an edit the engine can make; the
 * exhaustive records fail when the spec and the engine list different edit
 * types or spec fields.
 */
describe('the edit types and the spec', () => {
  const edits: CatalogEdit[] = [
    { type: 'setOwner', owner: 'group:default/platform' },
    { type: 'addDatabase', resourceRef: 'resource:default/orders-db' },
    { type: 'addProduces', topicRef: 'resource:default/order-created' },
    { type: 'addConsumes', topicRef: 'resource:default/order-created' },
    { type: 'setSpecField', path: 'spec.tier', value: 1 },
    { type: 'setSpecField', path: 'spec.personalData', value: true },
    { type: 'setSpecField', path: 'spec.engine', value: 'postgresql' },
  ];

  it('every domain edit is a CatalogEdit of the spec', () => {
    const wire: WireCatalogEdit[] = edits;
    const request: WireProposeEditRequest = {
      entityRef: 'component:default/orders',
      edit: edits[0],
    } satisfies ProposeEditRequest;
    const proposal: WireCatalogEditProposal = {
      id: '1',
      entityRef: 'component:default/orders',
      edit: edits[4],
      requestedBy: 'user:default/jane',
      pullRequestUrl: 'https://github.com/o/r/pull/1',
      branch: 'strata/setSpecField-orders-1',
      createdAt: '2026-01-01T00:00:00.000Z',
    } satisfies CatalogEditProposal;
    expect([wire.length, request.edit.type, proposal.edit.type]).toEqual([
      7,
      'setOwner',
      'setSpecField',
    ]);
  });

  it('the spec and the engine know the same edit types', () => {
    const domain: Record<CatalogEditType, true> = {
      setOwner: true,
      addDatabase: true,
      addProduces: true,
      addConsumes: true,
      setSpecField: true,
    };
    const spec: Record<WireCatalogEdit['type'], true> = {
      setOwner: true,
      addDatabase: true,
      addProduces: true,
      addConsumes: true,
      setSpecField: true,
    };
    expect(Object.keys(spec).sort()).toEqual(Object.keys(domain).sort());
    expect([...new Set(edits.map(e => e.type))].sort()).toEqual(
      Object.keys(domain).sort(),
    );
  });

  it('the spec and the engine know the same spec fields', () => {
    const spec: Record<SetSpecFieldEditPathEnum, true> = {
      'spec.tier': true,
      'spec.engine': true,
      'spec.personalData': true,
      'spec.topic': true,
      'spec.schema': true,
    };
    expect(Object.keys(spec).sort()).toEqual([...SPEC_FIELD_PATHS].sort());
  });
});
