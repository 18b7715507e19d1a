export { ModelHintsCard, ModelHints } from './ModelHintsCard';
export { proposedEditFor } from './proposedEdit';
