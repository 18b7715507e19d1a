/*
 * The read-only MCP actions (Backstage's actions registry; MCP clients list them as
 * `ownership:<name>`): who owns X, who is on call for X, is X within its SLO, what changed in X
 * today. Each takes the lookup's keys and runs with the caller's credentials where it asks
 * another plugin.
 */
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { LOOKUP_KEYS } from '@internal/plugin-ownership-common';
import type { HealthSources } from '../health/health';
import type { LookupService } from '../lookup/LookupService';
import { parseLookupQuery } from '../lookup/parseLookupQuery';
import {
  keyInput,
  ownerOutput,
  onCallOutput,
  sloOutput,
  changesOutput,
} from './schemas';

const READ_ONLY = { readOnly: true, destructive: false, idempotent: true };
const KEYS_HELP = `Give exactly one of ${LOOKUP_KEYS.join(', ')}.`;

export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  lookup: LookupService;
  health: HealthSources;
  now?: () => Date;
}) {
  const { actionsRegistry, lookup, health } = options;
  const now = options.now ?? (() => new Date());

  actionsRegistry.register({
    name: 'who-owns',
    title: 'Who owns it?',
    description: `The owning team of a service, topic, database, repository or Kubernetes workload, how to reach it (e-mail, chat) and its escalation chain. ${KEYS_HELP}`,
    attributes: READ_ONLY,
    schema: { input: keyInput, output: ownerOutput },
    action: async ({ input, credentials }) => {
      const result = await lookup.lookup(parseLookupQuery(input), credentials, {
        withHealth: false,
      });
      return {
        output: {
          entityRef: result.entityRef,
          owner: result.owner,
          escalation: result.escalation,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'who-is-on-call',
    title: 'Who is on call?',
    description: `Who is on call now for a service, topic, database, repository or Kubernetes workload (primary, secondary, until when, which provider said so) and whom to escalate to. ${KEYS_HELP}`,
    attributes: READ_ONLY,
    schema: { input: keyInput, output: onCallOutput },
    action: async ({ input, credentials }) => {
      const result = await lookup.lookup(parseLookupQuery(input), credentials, {
        withHealth: false,
      });
      return {
        output: {
          entityRef: result.entityRef,
          owner: result.owner.ref,
          onCall: result.onCall,
          escalation: result.escalation,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'is-within-slo',
    title: 'Is it within its SLO?',
    description: `Whether a service meets its SLOs now, per objective (attainment, target, error budget left, alert), from the telemetry plugin. ${KEYS_HELP}`,
    attributes: READ_ONLY,
    schema: { input: keyInput, output: sloOutput },
    action: async ({ input, credentials }) => {
      const result = await lookup.lookup(parseLookupQuery(input), credentials, {
        withHealth: false,
      });
      const slo = await health.slo(result.entityRef, credentials);
      return {
        output: {
          entityRef: result.entityRef,
          withinSlo: slo.slo?.withinSlo ?? null,
          objectives: slo.slo?.objectives ?? [],
          ...(slo.sloReason ? { reason: slo.sloReason } : {}),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'what-changed-today',
    title: 'What changed today?',
    description: `The rollouts of a service since midnight UTC today, newest first, from the deployments plugin. ${KEYS_HELP}`,
    attributes: READ_ONLY,
    schema: { input: keyInput, output: changesOutput },
    action: async ({ input, credentials }) => {
      const result = await lookup.lookup(parseLookupQuery(input), credentials, {
        withHealth: false,
      });
      const today = now();
      const since = new Date(
        Date.UTC(
          today.getUTCFullYear(),
          today.getUTCMonth(),
          today.getUTCDate(),
        ),
      );
      const changes = await health.rolloutsSince(
        result.entityRef,
        since,
        credentials,
      );
      return {
        output: {
          entityRef: result.entityRef,
          since: since.toISOString(),
          rollouts: changes.rollouts ?? [],
          ...(changes.reason ? { reason: changes.reason } : {}),
        },
      };
    },
  });
}
