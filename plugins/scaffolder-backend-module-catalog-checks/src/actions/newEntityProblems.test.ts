import { Entity } from '@backstage/catalog-model';
import { newEntityProblems, newEntityRef } from './newEntityProblems';

const entity = (kind: string, name: string, owner?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  ...(owner && { spec: { owner } }),
});

const request = {
  name: 'report-exporter',
  kind: 'Component',
  namespace: 'default',
  owner: 'group:default/growth',
  system: 'reporting',
};

const facts = {
  owner: entity('Group', 'growth'),
  system: entity('System', 'reporting'),
};

describe('newEntityProblems', () => {
  it('has nothing against a free name with an existing owner and system', () => {
    expect(newEntityProblems(request, facts)).toEqual([]);
    expect(newEntityRef(request)).toBe('component:default/report-exporter');
  });

  it('names the entity that holds the name, and its owner', () => {
    expect(
      newEntityProblems(request, {
        ...facts,
        existing: entity(
          'Component',
          'report-exporter',
          'group:default/growth',
        ),
      }),
    ).toEqual([
      'The name report-exporter is taken by component:default/report-exporter, owned by group:default/growth; choose another name.',
    ]);
  });

  it('refuses a name that breaks the service name rule', () => {
    expect(
      newEntityProblems({ ...request, name: 'Report_Exporter' }, facts),
    ).toEqual([
      'The name "Report_Exporter" is not allowed: Use lowercase letters: "report_exporter".',
    ]);
  });

  it('refuses a name held by a local repository', () => {
    expect(
      newEntityProblems(request, {
        ...facts,
        existingRepository: '/data/report-exporter',
      }),
    ).toEqual([
      'A local repository named report-exporter already exists (/data/report-exporter); choose another name.',
    ]);
  });

  it('refuses a missing owner and system, and ones of the wrong kind', () => {
    expect(newEntityProblems(request, {})).toEqual([
      'The owner group:default/growth does not exist in the catalog.',
      'The system system:default/reporting does not exist in the catalog.',
    ]);
    expect(
      newEntityProblems(
        {
          ...request,
          owner: 'user:default/jane',
          system: 'component:default/x',
        },
        { owner: entity('User', 'jane'), system: entity('Component', 'x') },
      ),
    ).toEqual([
      'The owner user:default/jane is a User, not a Group; services are owned by teams.',
      'The system component:default/x is a Component, not a System.',
    ]);
  });
});
