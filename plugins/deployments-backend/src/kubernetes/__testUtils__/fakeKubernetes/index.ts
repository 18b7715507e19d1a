export { FakeKubernetesApi } from './FakeKubernetesApi';
export type {
  FakeKubernetesOptions,
  RecordedRequest,
  Verb,
} from './FakeKubernetesApi';
export * from './objects';
export * from './statuses';
