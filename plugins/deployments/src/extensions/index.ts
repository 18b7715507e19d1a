export { deploymentsApi } from './apis';
export {
  deploymentsStatusEntityCard,
  rolloutHistoryEntityCard,
  serviceDoraEntityCard,
} from './entityCards';
export { groupDoraEntityContent } from './entityContents';
export { doraPage } from './pages';
