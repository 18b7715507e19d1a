/**
 * The Git repositories Strata keeps on its own disk ("Local Git repository on this Strata"),
 * shared by the scaffolder module that creates them and the catalog module that reads them:
 * where they live (config), what they may be called and where their files are (one rule), the
 * event that announces a new one, the one Git helper, the one workspace walker, and the one guard
 * on what a `file` location may read (used by the catalog's file reader and by every other
 * plugin that reads a file next to an entity's `file` location, e.g. telemetry's SLO files).
 *
 * @packageDocumentation
 */

export { LOCAL_REPOSITORIES_DIR_KEY, readLocalRepositoriesDir } from './config';
export {
  LOCAL_REPOSITORY_PUBLISHED_TOPIC,
  type LocalRepositoryPublishedEvent,
} from './topics';
export {
  LOCAL_CATALOG_FILE_NAME,
  checkRepositoryFilePath,
  existingLocalRepository,
  localRepositoryOf,
  localRepositoryPath,
  repositoryFilePathProblem,
  repositoryNameProblem,
} from './repositoryPaths';
export {
  STRATA_AUTHOR,
  branchExists,
  commitOnNewBranch,
  createRepository,
  headCommit,
  isRepository,
  readCommittedFile,
  type GitAuthor,
  type RepositoryFile,
} from './git/localGit';
export { checkBranchName } from './git/branchName';
export {
  readWorkspaceFiles,
  symlinkProblem,
  walkWorkspace,
  type WorkspaceEntry,
} from './workspace/walkWorkspace';
export {
  fileLocationRoots,
  hasGlob,
  staticPrefix,
  ALLOWED_FILE_LOCATION_ROOTS_KEY,
  type FileLocationRoots,
} from './fileLocations/fileLocationRoots';
export {
  resolveFileLocation,
  type FileLocationResolution,
} from './fileLocations/resolveFileLocation';
export {
  DEFAULT_MAX_FILE_BYTES,
  MAX_FILE_BYTES_KEY,
  readMaxFileBytes,
} from './fileLocations/maxFileBytes';
export {
  readLimitedFile,
  type LimitedFileRead,
} from './fileLocations/readLimitedFile';
