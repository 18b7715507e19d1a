import { annotationFormatRule } from './annotationFormat';
import { duplicateEntityRule } from './duplicateEntity';
import { entityNameRule } from './entityName';
import { entityNamespaceRule } from './entityNamespace';
import { foreignRootFieldRule } from './foreignRootField';
import { invalidReferenceRule } from './invalidReference';
import { labelFormatRule } from './labelFormat';
import { missingReferenceRule } from './missingReference';
import { notAnObjectRule } from './notAnObject';
import { openSloRules } from './openSlo';
import { parseLimitRule } from './parseLimit';
import { requiredFieldRule } from './requiredField';
import { schemaRule } from './schema';
import { serviceModelRule } from './serviceModel';
import { tagFormatRule } from './tagFormat';
import { EntityRule, RuleDefinition } from './types';
import { unknownKindRule } from './unknownKind';
import { unsafeLinkRule } from './unsafeLink';
import { yamlSyntaxRule } from './yamlSyntax';

/** The checks run on every entity whose envelope is valid, in report order. */
export const entityRules: EntityRule[] = [
  unknownKindRule,
  foreignRootFieldRule,
  schemaRule,
  entityNameRule,
  entityNamespaceRule,
  labelFormatRule,
  annotationFormatRule,
  tagFormatRule,
  unsafeLinkRule,
  invalidReferenceRule,
];

/** The schema checks: {@link modelRules} run only when these found no error. */
export const schemaRules: EntityRule[] = [
  unknownKindRule,
  foreignRootFieldRule,
  schemaRule,
];

/**
 * Checks of Strata's own model, run after {@link entityRules} on entities
 * that passed the schema checks (the catalog validates kinds after its
 * policies).
 */
export const modelRules: EntityRule[] = [serviceModelRule];

function definition({
  id,
  severity,
  description,
}: RuleDefinition): RuleDefinition {
  return { id, severity, description };
}

/** Every rule, for documentation and reports. */
export const rules: RuleDefinition[] = [
  parseLimitRule,
  yamlSyntaxRule,
  notAnObjectRule,
  requiredFieldRule,
  ...entityRules,
  ...modelRules,
  duplicateEntityRule,
  missingReferenceRule,
  ...openSloRules,
].map(definition);
