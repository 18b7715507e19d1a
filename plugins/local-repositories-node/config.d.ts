export interface Config {
  strata?: {
    scaffolder?: {
      /**
       * Where repositories created on this Strata live, as `<dir>/<name>`; relative to the
       * backend's working directory (packages/backend). Default `.data/repositories`.
       * @visibility backend
       */
      localRepositoriesDir?: string;
    };
  };
}
