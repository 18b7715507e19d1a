export {
  unprocessedEntitiesModule,
  refusedEntitiesPage,
  REFUSED_PAGE_TITLE,
} from './unprocessedEntitiesModule';
