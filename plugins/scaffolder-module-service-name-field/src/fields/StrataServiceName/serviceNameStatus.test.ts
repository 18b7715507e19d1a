import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  checkServiceName,
  describeServiceNameStatus,
  newServiceEntityRef,
  ownerRefOf,
} from './serviceNameStatus';
import { billingGroup, legacyJob, reportExporter } from './testEntities';

const catalogApi = catalogApiMock({
  entities: [reportExporter, legacyJob, billingGroup],
});

describe('checkServiceName', () => {
  it('finds a free name available', async () => {
    await expect(
      checkServiceName('report-importer', catalogApi),
    ).resolves.toEqual({ state: 'available' });
  });

  it('finds a name taken by an existing Component, with its owner', async () => {
    await expect(
      checkServiceName('report-exporter', catalogApi),
    ).resolves.toEqual({
      state: 'taken',
      entityRef: 'component:default/report-exporter',
      ownerRef: 'group:default/growth',
    });
  });

  it('reads a shorthand spec.owner as a group in the entity namespace', async () => {
    await expect(checkServiceName('legacy-job', catalogApi)).resolves.toEqual({
      state: 'taken',
      entityRef: 'component:default/legacy-job',
      ownerRef: 'group:default/platform',
    });
  });

  it('does not count other kinds with the same name', async () => {
    await expect(checkServiceName('billing-team', catalogApi)).resolves.toEqual(
      {
        state: 'available',
      },
    );
  });

  it('reports a malformed name without asking the catalog', async () => {
    const getEntities = jest.fn();
    await expect(
      checkServiceName('Report_Exporter', { getEntities }),
    ).resolves.toEqual({
      state: 'malformed',
      problem: 'Use lowercase letters: "report_exporter".',
    });
    expect(getEntities).not.toHaveBeenCalled();
  });

  it('lets a catalog failure through to the caller', async () => {
    const getEntities = jest.fn().mockRejectedValue(new Error('503'));
    await expect(
      checkServiceName('fine-name', { getEntities }),
    ).rejects.toThrow('503');
  });
});

describe('describeServiceNameStatus', () => {
  it('says available, taken (with or without owner) and the rule', () => {
    expect(describeServiceNameStatus('x-svc', { state: 'available' })).toBe(
      'x-svc is available',
    );
    expect(
      describeServiceNameStatus('report-exporter', {
        state: 'taken',
        entityRef: 'component:default/report-exporter',
        ownerRef: 'group:default/growth',
      }),
    ).toBe(
      'report-exporter is taken by component:default/report-exporter (owner group:default/growth)',
    );
    expect(
      describeServiceNameStatus('orphan', {
        state: 'taken',
        entityRef: 'component:default/orphan',
      }),
    ).toBe('orphan is taken by component:default/orphan');
    expect(
      describeServiceNameStatus('ab', {
        state: 'malformed',
        problem: 'Too short.',
      }),
    ).toBe('Too short.');
  });
});

describe('helpers', () => {
  it('builds the default-namespace Component ref', () => {
    expect(newServiceEntityRef('report-exporter')).toBe(
      'component:default/report-exporter',
    );
  });

  it('has no owner for an entity without one', () => {
    expect(ownerRefOf(billingGroup)).toBeUndefined();
  });
});
