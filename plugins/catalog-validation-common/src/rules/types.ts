import { Entity } from '@backstage/catalog-model';
import { PathPart } from '../yaml/locator';
import { PathSegment, RuleId, Severity } from '../types';

/** What a rule is, for documentation and reports. */
export type RuleDefinition = {
  id: RuleId;
  /** The severity of its findings unless a finding says otherwise. */
  severity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
};

/** A problem a rule found, located by a path into the document. */
export type RuleFinding = {
  path: PathSegment[];
  /** Point at the mapping key instead of its value. */
  part?: PathPart;
  message: string;
  hint: string;
  severity?: Severity;
};

/** What the caller asked for that changes what a rule reports. */
export type RuleContext = {
  /** Strict mode: Strata's recommended fields are required (see `ValidationOptions.strict`). */
  strict?: boolean;
};

/** A rule that checks one entity whose envelope is valid. */
export type EntityRule = RuleDefinition & {
  check(entity: Entity, context?: RuleContext): RuleFinding[];
};
