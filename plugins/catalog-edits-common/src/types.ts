import type { SpecFieldPath, SpecFieldValues } from './specFields';

/**
 * Sets one scalar field of the service model under `spec` (replaced when
 * present, added when missing), with its value typed per path.
 */
export type SetSpecFieldEdit = {
  [P in SpecFieldPath]: {
    type: 'setSpecField';
    path: P;
    value: SpecFieldValues[P];
  };
}[SpecFieldPath];

/** A change to an entity's catalog-info.yaml that the portal can propose. */
export type CatalogEdit =
  | { type: 'setOwner'; owner: string }
  | { type: 'addDatabase'; resourceRef: string }
  | { type: 'addProduces'; topicRef: string }
  | { type: 'addConsumes'; topicRef: string }
  | SetSpecFieldEdit;

/** The kinds of {@link CatalogEdit}. */
export type CatalogEditType = CatalogEdit['type'];

/** Body of `POST /proposals`. */
export type ProposeEditRequest = {
  /** The entity to change, e.g. `component:default/pipeline-service`. */
  entityRef: string;
  edit: CatalogEdit;
};

/** Response of `POST /proposals`. */
export type ProposeEditResponse = {
  pullRequestUrl: string;
  branch: string;
};

/** A recorded proposal, as `GET /proposals` lists it. */
export type CatalogEditProposal = {
  id: string;
  entityRef: string;
  edit: CatalogEdit;
  /** The user entity ref of whoever asked for the change. */
  requestedBy: string;
  pullRequestUrl: string;
  branch: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
};
