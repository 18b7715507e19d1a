import type { Entity } from '@backstage/catalog-model';
import { isDatabase, show, specOf } from '../entity';
import type { ModelViolation, ServiceModelRule } from '../types';

const RULE = 'database-personal-data';

function check(entity: Entity): ModelViolation[] {
  if (!isDatabase(entity)) {
    return [];
  }
  const personalData = specOf(entity).personalData;
  if (typeof personalData === 'boolean') {
    return [];
  }
  if (personalData === undefined || personalData === null) {
    return [
      {
        rule: RULE,
        path: 'spec.personalData',
        message:
          'is required for a database (does it store personal data, so GDPR erasure applies?)',
        fix: 'Add `personalData: true` or `personalData: false` under spec.',
      },
    ];
  }
  const quoted =
    typeof personalData === 'string' &&
    ['true', 'false'].includes(personalData.trim().toLocaleLowerCase('en-US'));
  return [
    {
      rule: RULE,
      path: 'spec.personalData',
      message: `must be a boolean, got ${show(personalData)}`,
      fix: quoted
        ? `Write it without quotes: \`personalData: ${personalData
            .trim()
            .toLocaleLowerCase('en-US')}\`.`
        : 'Write `personalData: true` or `personalData: false`.',
    },
  ];
}

/** `spec.personalData`: required boolean for `Resource` with `spec.type: database`. */
export const databasePersonalDataRule: ServiceModelRule = {
  id: RULE,
  description: 'spec.personalData of a database Resource is a required boolean',
  check,
};
