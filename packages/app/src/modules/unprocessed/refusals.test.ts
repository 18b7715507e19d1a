import {
  invalidComponent,
  refusedLocation,
  waitingComponent,
} from './fixtures';
import { refusalsOf } from './refusals';

describe('refusalsOf', () => {
  it('lists pending entities with errors as never accepted, with their reasons and source', () => {
    expect(
      refusalsOf({
        pending: [refusedLocation, invalidComponent, waitingComponent],
        failed: [],
      }),
    ).toEqual([
      {
        entityRef: 'component:default/billing_v2',
        kind: 'Component',
        state: 'never-accepted',
        source:
          'url:https://github.com/dataflow/billing/blob/main/catalog-info.yaml',
        owner: 'group:default/billing',
        reasons: [
          {
            name: 'InputError',
            message: 'Policy check failed for component:default/billing_v2',
            cause:
              '"metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.]',
          },
        ],
      },
      {
        entityRef: 'location:default/generated-0a1b2c',
        kind: 'Location',
        state: 'never-accepted',
        source:
          'https://github.com/dataflow/e2e-refused/blob/main/catalog-info.yaml',
        owner: undefined,
        reasons: [
          {
            name: 'NotAllowedError',
            message: expect.stringContaining(
              'group:default/shadow-admins at url:https://github.com/dataflow/e2e-refused/blob/main/catalog-info.yaml',
            ),
            cause: undefined,
          },
        ],
      },
    ]);
  });

  it('marks failed records as not served, and leaves out records without errors', () => {
    const refusals = refusalsOf({
      pending: [waitingComponent],
      failed: [invalidComponent, { ...waitingComponent, errors: [] }],
    });
    expect(refusals.map(r => [r.entityRef, r.state])).toEqual([
      ['component:default/billing_v2', 'not-served'],
    ]);
  });
});
