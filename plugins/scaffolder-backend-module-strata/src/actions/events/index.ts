export { createProposeProducesAction } from './proposeProducesAction';
