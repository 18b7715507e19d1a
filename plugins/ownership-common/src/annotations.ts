/**
 * The annotations the ownership plugin reads. On-call rotation data lives on teams (Groups) in the
 * catalog; PagerDuty's are the standard ones of Backstage's PagerDuty plugins. Documented in
 * docs/catalog-model.md and docs/ownership.md.
 */

/** On a Group: the user ref on call now (primary), e.g. `user:default/ana-garcia`. */
export const ANNOTATION_ONCALL_PRIMARY = 'strata.dev/oncall-primary';
/** On a Group: the user ref second in line. */
export const ANNOTATION_ONCALL_SECONDARY = 'strata.dev/oncall-secondary';
/** On a Group: the rotation in words, e.g. `weekly, Monday 09:00 Europe/Berlin`. */
export const ANNOTATION_ONCALL_SCHEDULE = 'strata.dev/oncall-schedule';
/** On a Group: the escalation policy in words. */
export const ANNOTATION_ESCALATION = 'strata.dev/escalation';

/** On a Component or Group: the PagerDuty escalation policy id (Backstage's PagerDuty plugin's). */
export const ANNOTATION_PAGERDUTY_ESCALATION_POLICY_ID =
  'pagerduty.com/escalation-policy-id';
/** On a Component: the PagerDuty service id (Backstage's PagerDuty plugin's). */
export const ANNOTATION_PAGERDUTY_SERVICE_ID = 'pagerduty.com/service-id';
