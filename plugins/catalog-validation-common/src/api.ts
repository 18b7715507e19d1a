/*
 * The bodies of catalog-validation-backend's HTTP API (its src/schema/openapi.yaml), declared
 * once for every caller: the backend's router (whose generated, validated router checks them
 * against the spec at compile time), the frontend plugin's client and the strata-catalog CLI.
 */
import type { Violation } from './types';

/** One file to validate, named as the caller wants it reported. */
export type ValidateRequestFile = {
  /** The file's path, e.g. `services/billing/catalog-info.yaml`. */
  path: string;
  /** The file's text (YAML, one or more documents). */
  content: string;
};

/** Body of `POST /validate`: at most 200 files and 1 MiB of content (else 413). */
export type ValidateRequest = {
  files: ValidateRequestFile[];
  /** Also look up, in the portal's catalog, every referenced entity the files do not declare. */
  checkReferences?: boolean;
  /** Strict mode of Strata's service model: missing recommended fields are errors. */
  strict?: boolean;
};

/** Answer of `POST /validate` (200 whether or not the files are valid). */
export type ValidateResponse = {
  /** The number of files validated. */
  files: number;
  /** The number of entities found in them. */
  entities: number;
  errors: number;
  warnings: number;
  violations: Violation[];
};

/** An entity declared in two registered locations, as `GET /conflicts` lists it. */
export type EntityConflict = {
  entityRef: string;
  /** Location key of the copy the catalog serves (the one it saw first). */
  keptLocation: string;
  /** Location key of the copy the catalog ignores. */
  ignoredLocation: string;
  /** When the catalog first reported it (ISO 8601). */
  firstSeenAt: string;
  /** When the catalog last reported it (ISO 8601). */
  lastSeenAt: string;
};

/** Answer of `GET /conflicts`. */
export type EntityConflictList = {
  items: EntityConflict[];
};
