export { deploymentsApiRef } from './DeploymentsApi';
export type { DeploymentsApi, DoraQuery, RolloutQuery } from './DeploymentsApi';
export { DeploymentsClient } from './DeploymentsClient';
