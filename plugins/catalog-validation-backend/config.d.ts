import { HumanDuration } from '@backstage/types';

export interface Config {
  catalogValidation?: {
    conflicts?: {
      /**
       * How long an entity declared in two locations stays listed (GET /conflicts) after the
       * catalog last reported the conflict: a duration object (`{ minutes: 15 }`) or a string
       * (ISO 8601 such as `PT15M`, or `15m`). Default 15 minutes.
       * @visibility backend
       */
      forgetAfter?: HumanDuration | string;
    };
  };
}
