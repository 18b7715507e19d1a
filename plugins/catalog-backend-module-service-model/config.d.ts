export interface Config {
  strata?: {
    serviceModel?: {
      /**
       * Strict mode of Strata's service model (docs/catalog-model.md). Off (the default): the
       * fields Strata adds (spec.tier of a service, spec.engine and spec.personalData of a
       * database, spec.topic and spec.schema of a topic or queue) are recommendations, and
       * standard Backstage entities without them are served. On: a missing one is a processing
       * error like a wrong one (the entity's last good version stays served).
       * @visibility backend
       */
      strict?: boolean;
    };
  };
}
