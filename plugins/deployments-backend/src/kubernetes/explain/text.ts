/* Small wording helpers shared by the explanations. */
import { ContainerState, SlimEvent, SlimPod } from '../cache/objects';

/** "1 pod", "3 pods". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/** "2 of 3 pods are", "the only pod is", "all 3 pods are". */
export function podsAre(affected: number, total: number): string {
  if (total === 1 && affected === 1) return 'The only pod is';
  if (affected === total) return `All ${total} pods are`;
  return `${affected} of ${total} ${total === 1 ? 'pod' : 'pods'} ${
    affected === 1 ? 'is' : 'are'
  }`;
}

/** "2 of 3 pods were" / "the only pod was". */
export function podsWere(affected: number, total: number): string {
  return podsAre(affected, total)
    .replace(/ are$/, ' were')
    .replace(/ is$/, ' was');
}

/** The most frequent value (first seen wins a tie). */
export function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/** "03:12:44 UTC" for evidence lines (the card shows the day elsewhere). */
export function clock(iso: string | undefined): string | undefined {
  return iso ? `${iso.slice(11, 19)} UTC` : undefined;
}

/** Warning events about one of these pods, optionally only some reasons. */
export function eventsAboutPods(
  events: SlimEvent[],
  pods: SlimPod[],
  reasons?: string[],
  messageTest?: RegExp,
): SlimEvent[] {
  const names = new Set(pods.map(p => p.metadata.name));
  return events.filter(
    e =>
      e.involvedObject.kind === 'Pod' &&
      names.has(e.involvedObject.name) &&
      (!reasons || reasons.includes(e.reason)) &&
      (!messageTest || messageTest.test(e.message)),
  );
}

/** `Unhealthy (×12): Readiness probe failed: …` — how events appear as evidence. */
export function eventEvidence(e: SlimEvent): string {
  const times = e.count > 1 ? ` (×${e.count})` : '';
  return `${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason}${times}: ${e.message}`;
}

/** Whether a terminated state happened within `minutes` of now. */
export function terminatedWithin(
  state: ContainerState,
  now: Date,
  minutes: number,
): boolean {
  const finished = state.terminated?.finishedAt;
  if (!finished) return false;
  return now.getTime() - new Date(finished).getTime() <= minutes * 60_000;
}

/** Distinct values, in first-seen order. */
export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
