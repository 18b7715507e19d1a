export { formatDuration } from './duration';
export { formatDeploysPerDay, formatPercent } from './numbers';
export { formatMoment } from '@internal/frontend-kit';
