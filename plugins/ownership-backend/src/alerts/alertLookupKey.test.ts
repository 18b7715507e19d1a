import { alertLookupKey } from './alertLookupKey';

describe('alertLookupKey', () => {
  it.each([
    [
      { entity_ref: 'component:default/billing', service: 'x' },
      { key: 'entityRef', value: 'component:default/billing' },
    ],
    [
      { otel_service_name: 'billing', service: 'x' },
      { key: 'otelServiceName', value: 'billing' },
    ],
    [{ service_name: 'billing' }, { key: 'otelServiceName', value: 'billing' }],
    [{ service: 'billing' }, { key: 'otelServiceName', value: 'billing' }],
    [
      { namespace: 'payments', deployment: 'billing-api', cluster: 'prod' },
      { key: 'k8sWorkload', value: 'prod/payments/billing-api' },
    ],
    [
      { namespace: 'payments', statefulset: 'ledger' },
      { key: 'k8sWorkload', value: 'unknown/payments/ledger' },
    ],
  ])('%j → %j', (labels, expected) => {
    expect(alertLookupKey(labels)).toEqual(expected);
  });

  it.each([
    [{}],
    [{ alertname: 'Watchdog' }],
    [{ namespace: 'payments' }],
    [{ service: '  ' }],
  ])('gives nothing for %j', labels => {
    expect(alertLookupKey(labels)).toBeUndefined();
  });
});
