export interface Config {
  strata?: {
    permissions?: {
      /**
       * Platform admins, allowed everything: entity refs of users or groups, e.g.
       * `group:default/platform`. A user is an admin when their own ref or one of their
       * ownership refs (the groups they are a member of) is listed. Everyone else gets the
       * rules in plugins/permission-backend-module-strata-policy/README.md.
       * @visibility backend
       */
      admins?: string[];
    };
  };
}
