export interface Config {
  strata?: {
    scaffolder?: {
      /**
       * The templates folder (templates/ of this repository), for templates that render a
       * sibling template's skeleton (strangler-extraction reuses node-service's), also in a dry
       * run. Relative to the backend's working directory (packages/backend). Unset: those
       * templates fail with a message naming this key.
       * @visibility backend
       */
      templatesDir?: string;
    };
  };
}
