import { Entity } from '@backstage/catalog-model';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { TelemetryClient, telemetryApiRef } from './api';
import { component, pipelinesSystem } from './__fixtures__/entities';
import {
  observedCallsEntityCard,
  sloEntityCard,
  telemetryApi,
  tracesEntityCard,
} from './extensions';
import telemetryPlugin from './index';

const getExtension = telemetryPlugin.getExtension as (id: string) => any;

const filters = {
  slos: createExtensionTester(sloEntityCard).get(
    EntityCardBlueprint.dataRefs.filterFunction,
  )!,
  traces: createExtensionTester(tracesEntityCard).get(
    EntityCardBlueprint.dataRefs.filterFunction,
  )!,
  observedCalls: createExtensionTester(observedCallsEntityCard).get(
    EntityCardBlueprint.dataRefs.filterFunction,
  )!,
};
const types = [
  createExtensionTester(sloEntityCard).get(EntityCardBlueprint.dataRefs.type),
  createExtensionTester(tracesEntityCard).get(
    EntityCardBlueprint.dataRefs.type,
  ),
  createExtensionTester(observedCallsEntityCard).get(
    EntityCardBlueprint.dataRefs.type,
  ),
];

describe('telemetryPlugin', () => {
  it('is the telemetry plugin with its API and cards', () => {
    expect(telemetryPlugin.id).toBe('telemetry');
    for (const id of [
      'api:telemetry',
      'entity-card:telemetry/slos',
      'entity-card:telemetry/traces',
      'entity-card:telemetry/observed-calls',
    ]) {
      expect(getExtension(id)).toBeTruthy();
    }
  });

  it('provides a TelemetryClient under telemetryApiRef', () => {
    const api = createExtensionTester(telemetryApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(api.api).toBe(telemetryApiRef);
    expect(Object.keys(api.deps).sort()).toEqual(['discoveryApi', 'fetchApi']);
    expect(
      api.factory({
        discoveryApi: { getBaseUrl: async () => 'http://backend' },
        fetchApi: { fetch: jest.fn() },
      }),
    ).toBeInstanceOf(TelemetryClient);
  });

  it('puts the cards in the main column', () => {
    expect(types).toEqual(['content', 'content', 'content']);
  });

  it('shows the SLO and traces cards on components that run', () => {
    for (const filter of [filters.slos, filters.traces]) {
      const shown = (entity: Entity) => filter(entity);
      expect(shown(component('billing'))).toBe(true);
      expect(shown(component('portal', { type: 'website' }))).toBe(true);
      expect(
        shown(
          component('cron', {
            type: 'job',
            annotations: { 'strata.dev/otel-service-name': 'cron' },
          }),
        ),
      ).toBe(true);
      expect(
        shown(
          component('batch', {
            type: 'job',
            annotations: { 'strata.dev/slo-file': 'slo.yaml' },
          }),
        ),
      ).toBe(true);
      expect(shown(component('utils', { type: 'library' }))).toBe(false);
      expect(shown(pipelinesSystem)).toBe(false);
    }
  });

  it('shows observed calls on systems only', () => {
    const shown = filters.observedCalls;
    expect(shown(pipelinesSystem)).toBe(true);
    expect(shown(component('billing'))).toBe(false);
  });
});
