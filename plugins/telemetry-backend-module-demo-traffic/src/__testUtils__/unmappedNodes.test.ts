import { unmappedNodes } from './unmappedNodes';

describe('unmappedNodes', () => {
  it("lists the graph's fallback names (service, topic, database) once each, sorted", () => {
    expect(
      unmappedNodes([
        { from: 'otel:pipeline-service', to: 'db:postgresql/pipeline-db' },
        { from: 'otel:pipeline-service', to: 'topic:etl.tasks' },
        { from: 'topic:etl.tasks', to: 'component:default/etl-workers' },
      ]),
    ).toEqual([
      'db:postgresql/pipeline-db',
      'otel:pipeline-service',
      'topic:etl.tasks',
    ]);
  });

  it('leaves catalog entity refs out', () => {
    expect(
      unmappedNodes([
        {
          from: 'component:default/etl-workers',
          to: 'resource:default/etl-tasks',
        },
        { from: 'component:default/billing', to: 'resource:default/legacy-db' },
      ]),
    ).toEqual([]);
  });
});
