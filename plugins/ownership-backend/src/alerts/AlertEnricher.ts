/*
 * The Alertmanager webhook: every alert gets the lookup's answer (owner, on-call, escalation) by
 * its labels, or the reason it has none — no alert is dropped — and the payload, each alert with
 * an `ownership` field, is forwarded to the configured URL (the next hop: a pager, a chat bot).
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { LookupResult } from '@internal/plugin-ownership-common';
import type { LookupService } from '../lookup/LookupService';
import { alertLookupKey } from './alertLookupKey';

export interface AlertmanagerPayload {
  alerts: Array<{ labels: Record<string, string>; fingerprint?: string }>;
  [key: string]: unknown;
}

export interface AlertEnrichment {
  fingerprint: string;
  lookedUpBy?: string;
  ownership?: LookupResult;
  reason?: string;
}

export interface ForwardSettings {
  url?: string;
  timeoutMs: number;
}

export class AlertEnricher {
  constructor(
    private readonly lookup: LookupService,
    private readonly forward: ForwardSettings,
  ) {}

  async enrich(
    payload: AlertmanagerPayload,
    credentials: BackstageCredentials,
  ): Promise<AlertEnrichment[]> {
    return Promise.all(
      payload.alerts.map(async (alert, i) => {
        const fingerprint = alert.fingerprint ?? `#${i}`;
        const key = alertLookupKey(alert.labels ?? {});
        if (!key) {
          return {
            fingerprint,
            reason:
              'no label to look up: entity_ref, otel_service_name, service_name, service, or namespace with deployment/statefulset/daemonset/workload',
          };
        }
        const lookedUpBy = `${key.key}=${key.value}`;
        try {
          const ownership = await this.lookup.lookup(key, credentials, {
            withHealth: false,
          });
          return { fingerprint, lookedUpBy, ownership };
        } catch (error) {
          return { fingerprint, lookedUpBy, reason: (error as Error).message };
        }
      }),
    );
  }

  /** POSTs the payload with each alert's enrichment; throws with the hop's status when it fails. */
  async forwardTo(
    payload: AlertmanagerPayload,
    enrichments: AlertEnrichment[],
  ): Promise<{ forwarded: boolean; forwardedTo?: string; reason?: string }> {
    const { url, timeoutMs } = this.forward;
    if (!url) {
      return {
        forwarded: false,
        reason: 'ownership.alertmanager.forwardUrl is not configured',
      };
    }
    const body = {
      ...payload,
      alerts: payload.alerts.map((alert, i) => ({
        ...alert,
        ownership: enrichments[i].ownership ?? {
          reason: enrichments[i].reason,
        },
      })),
    };
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new Error(
        `Could not forward the alerts to ${url}: ${
          (error as Error).name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : (error as Error).message
        }`,
      );
    }
    await response.body?.cancel();
    if (!response.ok) {
      throw new Error(
        `Forwarding the alerts to ${url} answered ${response.status}`,
      );
    }
    return { forwarded: true, forwardedTo: url };
  }
}
