import type { CheckResult } from '@internal/plugin-governance-common';
import type { Waiver } from '../database/WaiverStore';

/** Waivers in force, looked up by what they cover. */
export class WaiverIndex {
  private readonly byFinding = new Map<string, Waiver>();
  private readonly byCheck = new Map<string, Waiver>();
  private readonly ids: string[];

  /** `waivers` must be the ones in force (WaiverStore.list() without expired ones). */
  constructor(waivers: Waiver[]) {
    this.ids = waivers.map(w => w.id).sort();
    for (const waiver of waivers) {
      if (waiver.findingKey) this.byFinding.set(waiver.findingKey, waiver);
      if (waiver.checkId && waiver.entityRef) {
        this.byCheck.set(checkKey(waiver.checkId, waiver.entityRef), waiver);
      }
    }
  }

  /** Identifies the set of waivers in force, for caches of what they change. */
  fingerprint(): string {
    return this.ids.join(',');
  }

  forFinding(key: string): Waiver | undefined {
    return this.byFinding.get(key);
  }

  forCheck(checkId: string, entityRef: string): Waiver | undefined {
    return this.byCheck.get(checkKey(checkId, entityRef));
  }
}

/** A check result as scorecards count it: a failed check under a waiver counts as passed. */
export interface WaivedCheckResult extends CheckResult {
  waived: boolean;
  waiver?: Waiver;
}

export function applyCheckWaivers(
  results: CheckResult[],
  index: WaiverIndex,
): WaivedCheckResult[] {
  return results.map(result => {
    const waiver = result.passed
      ? undefined
      : index.forCheck(result.checkId, result.entityRef);
    return waiver
      ? { ...result, passed: true, unknown: false, waived: true, waiver }
      : { ...result, waived: false };
  });
}

function checkKey(checkId: string, entityRef: string): string {
  return `${checkId}\u0000${entityRef.toLocaleLowerCase('en-US')}`;
}
