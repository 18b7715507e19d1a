/*
 * The edit types the edits engine works with. They are narrower than the spec's
 * (plugins/catalog-edits-backend/src/schema/openapi.yaml, generated into ./generated):
 * a set-spec-field edit's value is typed per path. types.test.ts checks at compile time
 * that every one of them is still what the spec accepts.
 */
import type {
  CatalogEditProposal as WireCatalogEditProposal,
  ProposeEditRequest as WireProposeEditRequest,
} from './generated';
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

/** Body of `POST /proposals`: the spec's, with the edit typed per field. */
export type ProposeEditRequest = Omit<WireProposeEditRequest, 'edit'> & {
  edit: CatalogEdit;
};

/**
 * A recorded proposal, as `GET /proposals` lists it: the spec's, with the edit
 * typed per field (the backend records only edits it accepted).
 */
export type CatalogEditProposal = Omit<WireCatalogEditProposal, 'edit'> & {
  edit: CatalogEdit;
};
