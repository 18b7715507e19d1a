export { callsOfSystem, nodeName, relationWords } from './systemCalls';
export type { NodeName, SystemCalls } from './systemCalls';
