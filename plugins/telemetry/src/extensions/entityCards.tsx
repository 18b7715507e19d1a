import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isRunningComponent, isSystem } from '../filters';

/*
 * Each filter can be replaced per app under `app.extensions` → `<id>` → `config.filter`.
 */

/**
 * `entity-card:telemetry/slos`: SLO status on components that run (services and websites,
 * or anything annotated with a service name or an SLO file); without `strata.dev/slo-file`
 * it says how to add one.
 */
export const sloEntityCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    type: 'content',
    filter: isRunningComponent,
    loader: () => import('../components/SloCard').then(m => <m.SloCard />),
  },
});

/** `entity-card:telemetry/traces`: RED over time and recent failing and slow traces. */
export const tracesEntityCard = EntityCardBlueprint.make({
  name: 'traces',
  params: {
    type: 'content',
    filter: isRunningComponent,
    loader: () =>
      import('../components/TracesCard').then(m => <m.TracesCard />),
  },
});

/**
 * `entity-card:telemetry/observed-calls`: on System pages, beside the declared architecture
 * graph, the calls traces show between the system's parts and their neighbours: undeclared
 * ones first, then declared ones, then declared relations no trace showed.
 */
export const observedCallsEntityCard = EntityCardBlueprint.make({
  name: 'observed-calls',
  params: {
    type: 'content',
    filter: isSystem,
    loader: () =>
      import('../components/ObservedCallsCard').then(m => (
        <m.ObservedCallsCard />
      )),
  },
});
