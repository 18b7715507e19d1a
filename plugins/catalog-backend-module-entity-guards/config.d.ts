export interface Config {
  strata?: {
    catalog?: {
      /**
       * The largest entity the catalog accepts, in bytes of its JSON (UTF-8) after processing.
       * Larger entities become a processing error; the last good version stays served.
       * Default 262144 (256 KiB); at least 1024.
       * @visibility backend
       */
      maxEntityBytes?: number;
    };
  };
}
