import type { Entity } from '@backstage/catalog-model';
import { isDatabase, show, specOf } from '../entity';
import type {
  ModelRecommendation,
  ModelViolation,
  ServiceModelRule,
} from '../types';

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
    return [];
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

function recommend(entity: Entity): ModelRecommendation[] {
  const personalData = specOf(entity).personalData;
  if (
    !isDatabase(entity) ||
    (personalData !== undefined && personalData !== null)
  ) {
    return [];
  }
  return [
    {
      rule: RULE,
      path: 'spec.personalData',
      message: 'Not said whether it stores personal data',
      why: 'GDPR erasure: every service storing personal data must consume the user-deletion event, and governance can only list the ones that do not when their databases say so. It also tells on-call how carefully to handle a data incident.',
      fix: 'Add `personalData: true` or `personalData: false` under spec.',
    },
  ];
}

/** `spec.personalData` of a `Resource` with `spec.type: database`: a boolean; recommended. */
export const databasePersonalDataRule: ServiceModelRule = {
  id: RULE,
  description:
    'spec.personalData of a database Resource is a boolean; recommended',
  check,
  recommend,
};
