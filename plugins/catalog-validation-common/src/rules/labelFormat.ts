import { Entity, makeValidator } from '@backstage/catalog-model';
import { entriesOf, shown } from './display';
import { EntityRule, RuleFinding } from './types';

const validators = makeValidator();

export const labelFormatRule: EntityRule = {
  id: 'label-format',
  severity: 'error',
  description:
    'metadata.labels keys must be [prefix/]name and values at most 63 characters of [a-zA-Z0-9] separated by [-_.].',
  check(entity: Entity) {
    return entriesOf(entity.metadata.labels).flatMap(([key, value]) => {
      const findings: RuleFinding[] = [];
      if (!validators.isValidLabelKey(key)) {
        findings.push({
          path: ['metadata', 'labels', key],
          part: 'key',
          message: `Invalid label key ${shown(key)}`,
          hint: 'Label keys are an optional DNS prefix and "/" followed by a name of at most 63 characters of [a-zA-Z0-9] separated by [-_.], e.g. "example.com/tier".',
        });
      }
      // Values that are not strings are the schema rule's.
      if (typeof value === 'string' && !validators.isValidLabelValue(value)) {
        findings.push({
          path: ['metadata', 'labels', key],
          message: `Invalid value ${shown(value)} for label ${key}`,
          hint: 'Label values are empty or at most 63 characters of [a-zA-Z0-9] separated by [-_.]; use an annotation for free text.',
        });
      }
      return findings;
    });
  },
};
