/*
 * The part of PagerDuty's REST API v2 the on-call lookup needs: `GET /oncalls` (paginated with
 * limit/offset/more) and `GET /services/{id}` (for a service's escalation policy). Every failure
 * is an Error that says what to do: a refused token, the rate limit with its retry hint, a
 * timeout, an unknown id.
 */
import type { PagerDutySettings } from './config';

/** One entry of `GET /oncalls` (the fields read here). */
export interface PagerDutyOnCall {
  escalation_policy: { id: string; summary?: string };
  escalation_level: number;
  schedule: { id: string; summary?: string } | null;
  user: { id: string; summary?: string; email?: string };
  start: string | null;
  end: string | null;
}

/** At most this many pages of on-calls per question (100 per page): a policy has a few levels. */
const MAX_PAGES = 10;
const PAGE_SIZE = 100;

export class PagerDutyClient {
  private readonly pageSize: number;

  constructor(
    private readonly settings: PagerDutySettings,
    options: { pageSize?: number } = {},
  ) {
    this.pageSize = options.pageSize ?? PAGE_SIZE;
  }

  /** Who is on call now for the policies and schedules, earliest shift per level and user. */
  async listOnCalls(filter: {
    escalationPolicyIds?: string[];
    scheduleIds?: string[];
  }): Promise<PagerDutyOnCall[]> {
    const oncalls: PagerDutyOnCall[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = new URLSearchParams({
        earliest: 'true',
        limit: String(this.pageSize),
        offset: String(page * this.pageSize),
      });
      params.append('include[]', 'users');
      for (const id of filter.escalationPolicyIds ?? [])
        params.append('escalation_policy_ids[]', id);
      for (const id of filter.scheduleIds ?? [])
        params.append('schedule_ids[]', id);
      const body = await this.get<{
        oncalls: PagerDutyOnCall[];
        more?: boolean;
      }>(`/oncalls?${params}`);
      if (!Array.isArray(body.oncalls)) {
        throw new Error(
          'PagerDuty answered GET /oncalls without an oncalls array',
        );
      }
      oncalls.push(...body.oncalls);
      if (!body.more) return oncalls;
    }
    throw new Error(
      `PagerDuty has more than ${
        MAX_PAGES * this.pageSize
      } on-call entries for one question; narrow the escalation policy`,
    );
  }

  /** A service's escalation policy id. */
  async serviceEscalationPolicyId(serviceId: string): Promise<string> {
    const body = await this.get<{
      service?: { escalation_policy?: { id?: string } };
    }>(`/services/${encodeURIComponent(serviceId)}`);
    const id = body.service?.escalation_policy?.id;
    if (!id)
      throw new Error(
        `PagerDuty service ${serviceId} has no escalation policy`,
      );
    return id;
  }

  private async get<T>(path: string): Promise<T> {
    const url = `${this.settings.apiBaseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          Accept: 'application/vnd.pagerduty+json;version=2',
          Authorization: `Token token=${this.settings.token}`,
        },
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      const cause = error as Error;
      if (cause.name === 'TimeoutError') {
        throw new Error(
          `PagerDuty did not answer within ${this.settings.timeoutMs} ms (GET ${
            path.split('?')[0]
          })`,
        );
      }
      throw new Error(
        `PagerDuty is unreachable at ${this.settings.apiBaseUrl}: ${cause.message}`,
      );
    }
    if (response.ok) return (await response.json()) as T;
    const detail = await errorDetail(response);
    const what = `GET ${path.split('?')[0]}`;
    switch (response.status) {
      case 401:
        throw new Error(
          `PagerDuty refused the API key (401${detail}) on ${what}: check ownership.pagerduty.token`,
        );
      case 403:
        throw new Error(
          `PagerDuty's API key may not read this (403${detail}) on ${what}`,
        );
      case 404:
        throw new Error(
          `PagerDuty does not know it (404${detail}) on ${what}: check the pagerduty.com/* annotation`,
        );
      case 429: {
        const retry =
          response.headers.get('retry-after') ??
          response.headers.get('ratelimit-reset');
        throw new Error(
          `PagerDuty's rate limit was reached (429${detail}) on ${what}${
            retry ? `; retry after ${retry} s` : ''
          }`,
        );
      }
      default:
        throw new Error(
          `PagerDuty answered ${response.status}${detail} on ${what}`,
        );
    }
  }
}

/** `: <message> (code <n>)` from PagerDuty's error body, if it has one. */
async function errorDetail(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      error?: { message?: string; code?: number };
    };
    if (body.error?.message) {
      return `: ${body.error.message}${
        body.error.code ? ` (code ${body.error.code})` : ''
      }`;
    }
  } catch {
    // not JSON: the status says enough
  }
  return '';
}
