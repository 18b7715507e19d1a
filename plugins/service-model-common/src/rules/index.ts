import type { ServiceModelRule } from '../types';
import { consumesRule } from './consumes';
import { databaseEngineRule } from './databaseEngine';
import { databasePersonalDataRule } from './databasePersonalData';
import { messagingSchemaRule } from './messagingSchema';
import { messagingTopicRule } from './messagingTopic';
import { producesRule } from './produces';
import { serviceTierRule } from './serviceTier';

export {
  consumesRule,
  databaseEngineRule,
  databasePersonalDataRule,
  messagingSchemaRule,
  messagingTopicRule,
  producesRule,
  serviceTierRule,
};

/** Every rule of the service model, in the order the doc lists the fields. */
export const serviceModelRules: readonly ServiceModelRule[] = [
  serviceTierRule,
  producesRule,
  consumesRule,
  databaseEngineRule,
  databasePersonalDataRule,
  messagingTopicRule,
  messagingSchemaRule,
];
