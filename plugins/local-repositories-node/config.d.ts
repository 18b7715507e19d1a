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
    catalog?: {
      /**
       * Folders `file` locations may read besides the local repositories folder and the folders
       * of app-config's glob targets; relative to the backend's working directory.
       * @visibility backend
       */
      allowedFileLocationRoots?: string[];
      /**
       * The largest file a `file` location may read, in bytes (catalog files, and files next
       * to them such as SLO files). Default 1048576.
       * @visibility backend
       */
      maxFileBytes?: number;
    };
  };
}
