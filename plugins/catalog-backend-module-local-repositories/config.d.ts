export interface Config {
  strata?: {
    catalog?: {
      /**
       * Folders `file` locations may read besides the local repositories folder and the folders
       * of app-config's glob targets; relative to the backend's working directory.
       * @visibility backend
       */
      allowedFileLocationRoots?: string[];
      /**
       * The largest catalog file a `file` location may read, in bytes. Default 1048576.
       * @visibility backend
       */
      maxFileBytes?: number;
    };
  };
}
