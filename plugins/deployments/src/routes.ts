import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The team DORA page (`/dora`). */
export const doraRouteRef = createRouteRef();
