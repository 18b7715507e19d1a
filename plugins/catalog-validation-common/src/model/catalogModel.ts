import { entityKindSchemaValidator, Entity } from '@backstage/catalog-model';
import {
  CatalogModel,
  CatalogModelKind,
  compileCatalogModel,
  defaultCatalogEntityModel,
} from '@backstage/catalog-model/alpha';
import { scaffolderCatalogModelLayer } from '@backstage/plugin-scaffolder-common/alpha';

/** A kind the catalog knows, with the apiVersions it accepts. */
export type KnownKind = {
  kind: string;
  apiVersions: string[];
};

/** A relation field of a kind, e.g. `spec.owner`, as the catalog model declares it. */
export type RelationField = CatalogModelKind['relationFields'][number];

let compiled: CatalogModel | undefined;

/**
 * The catalog model this repository's catalog ingests with: the built-in
 * kinds of `@backstage/catalog-model` plus the scaffolder's Template kind.
 */
function catalogModel(): CatalogModel {
  if (!compiled) {
    compiled = compileCatalogModel([
      defaultCatalogEntityModel,
      scaffolderCatalogModelLayer,
    ]);
  }
  return compiled;
}

let kinds: KnownKind[] | undefined;

function kindList(): KnownKind[] {
  if (!kinds) {
    kinds = catalogModel()
      .listKinds()
      .map(k => ({
        kind: k.names.kind,
        apiVersions: [...new Set(k.versions.map(v => v.apiVersion))],
      }))
      .sort((a, b) => (a.kind < b.kind ? -1 : 1));
  }
  return kinds;
}

/** Every kind the catalog knows, sorted by name. */
export function knownKinds(): KnownKind[] {
  return kindList().map(k => ({ ...k, apiVersions: [...k.apiVersions] }));
}

/** The known kind with exactly this name (kinds are case sensitive). */
export function findKnownKind(kind: string): KnownKind | undefined {
  return kindList().find(k => k.kind === kind);
}

function kindModel(entity: Entity): CatalogModelKind | undefined {
  const known = findKnownKind(entity.kind);
  if (!known?.apiVersions.includes(entity.apiVersion)) {
    return undefined;
  }
  return catalogModel().getKind(
    entity as Parameters<CatalogModel['getKind']>[0],
  );
}

/** The relation fields of the entity's kind; empty for unknown kinds. */
export function relationFieldsFor(entity: Entity): RelationField[] {
  return kindModel(entity)?.relationFields ?? [];
}

const validators = new Map<object, (data: unknown) => unknown>();

/**
 * Validates the entity against its kind's JSON schema with the catalog
 * model's own validator. Throws a `TypeError` naming the first failing path;
 * returns false when the kind or apiVersion is unknown.
 */
export function validateKindSchema(entity: Entity): boolean {
  const kind = kindModel(entity);
  if (!kind) {
    return false;
  }
  let validate = validators.get(kind.jsonSchema);
  if (!validate) {
    validate = entityKindSchemaValidator(kind.jsonSchema);
    validators.set(kind.jsonSchema, validate);
  }
  validate(entity);
  return true;
}
