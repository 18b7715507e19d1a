/**
 * Ownership module: who is on call, from PagerDuty's REST API v2.
 *
 * @packageDocumentation
 */
export { ownershipModulePagerDuty as default } from './module';
export { PagerDutyClient, type PagerDutyOnCall } from './PagerDutyClient';
export { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';
