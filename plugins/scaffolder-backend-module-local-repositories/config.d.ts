export interface Config {
  strata?: {
    scaffolder?: {
      /**
       * Whether `strata:publish:local` ("Local Git repository on this Strata") may create
       * repositories on this Strata's disk. Default true; production sets false because a
       * replica's disk is neither shared nor kept, and the action then answers with a message to
       * choose GitHub instead.
       * @visibility backend
       */
      localPublishing?: boolean;
    };
  };
}
