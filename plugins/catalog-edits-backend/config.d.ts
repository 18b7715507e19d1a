export interface Config {
  catalogEdits?: {
    github?: {
      /**
       * The GitHub owners (organisations or users) edits may be proposed to, compared
       * case-insensitively. When set, a proposal for an entity whose catalog file is in any other
       * owner's repository is refused (HTTP 422) before any request to GitHub; an empty list
       * refuses every proposal. Unset: any owner the GitHub integration's token can reach.
       * @visibility backend
       */
      allowedOrganizations?: string[];
    };
  };
}
