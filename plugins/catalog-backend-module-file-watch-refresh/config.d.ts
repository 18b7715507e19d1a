export interface Config {
  strata?: {
    catalog?: {
      /**
       * Watching the folders and files `file` locations may read (the local repositories
       * folder, the demo organisation, templates), so a changed file is re-read at once
       * instead of at the next processing loop.
       */
      fileWatch?: {
        /**
         * Default true. Off where no file location changes after start (e.g. a read-only
         * image), or where the operating system's watch limit is a concern.
         * @visibility backend
         */
        enabled?: boolean;
        /**
         * How long to wait after a change for more changes before refreshing (an editor's save
         * or a checkout touches several files at once). Default 200.
         * @visibility backend
         */
        debounceMs?: number;
      };
    };
  };
}
