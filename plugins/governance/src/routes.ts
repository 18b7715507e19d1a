import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Governance page (`/governance`). */
export const governanceRouteRef = createRouteRef();
