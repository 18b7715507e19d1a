export { DeploymentsCard, DEPLOYMENTS_CARD_TITLE } from './DeploymentsCard';
export { DeploymentsStatusView } from './DeploymentsStatusView';
