import {
  Entity,
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
} from '@backstage/catalog-model';
import { validateKindSchema } from '../model/catalogModel';
import {
  describePath,
  parseSchemaError,
  SchemaFailure,
} from '../model/schemaError';
import { EntityRule, RuleFinding } from './types';

const validateEnvelope = entityEnvelopeSchemaValidator();
const validateEntity = entitySchemaValidator();

function hintFor(failure: SchemaFailure, kind?: string): string {
  const { params } = failure;
  const where = describePath(failure.path) || 'the top level';
  if (params.missingProperty) {
    return `Add ${params.missingProperty} under ${where}.`;
  }
  if (params.additionalProperty) {
    return `Remove ${params.additionalProperty}, or move custom data to metadata.annotations.`;
  }
  if (params.type) {
    return `Write a ${params.type} here.`;
  }
  if (params.allowedValues || params.allowedValue) {
    return `Use one of: ${params.allowedValues ?? params.allowedValue}.`;
  }
  return kind
    ? `The catalog rejects ${kind} entities that do not match the ${kind} schema.`
    : 'The catalog rejects entities that do not match the entity schema.';
}

/** Turns a validator's error into a finding at the offending node. */
export function schemaFinding(error: unknown, kind?: string): RuleFinding {
  const failure = parseSchemaError(error);
  const where = describePath(failure.path) || 'entity';
  const missing = Boolean(failure.params.missingProperty);
  return {
    path: failure.path,
    part: missing || failure.params.additionalProperty ? 'key' : 'value',
    message: failure.params.additionalProperty
      ? `${where} is not allowed (${failure.message})`
      : `${where} ${failure.message}`,
    hint: hintFor(failure, kind),
  };
}

function findingsOf(check: () => unknown, kind?: string): RuleFinding[] {
  try {
    check();
    return [];
  } catch (e) {
    return [schemaFinding(e, kind)];
  }
}

/** Envelope checks (the catalog's first step): types of apiVersion, kind, metadata.name. */
export function checkEnvelopeSchema(document: object): RuleFinding[] {
  return findingsOf(() => validateEnvelope(document));
}

export const schemaRule: EntityRule = {
  id: 'schema',
  severity: 'error',
  description:
    "The entity must match the catalog's entity schema and its kind's schema (required spec fields, field types).",
  check(entity: Entity) {
    // Foreign root fields are the foreign-root-field rule's; leave them out
    // so that they do not hide other schema errors.
    const { apiVersion, kind, metadata, spec } = entity;
    const core = {
      apiVersion,
      kind,
      metadata,
      ...(spec !== undefined && { spec }),
    };
    const findings = [
      ...findingsOf(() => validateEntity(core)),
      ...findingsOf(() => validateKindSchema(core as Entity), kind),
    ];
    return findings.filter(
      (f, i) => findings.findIndex(o => o.message === f.message) === i,
    );
  },
};
