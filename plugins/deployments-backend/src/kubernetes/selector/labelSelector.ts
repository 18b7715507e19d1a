/*
 * Kubernetes label selectors (`app=billing,tier in (web,api),!canary`) parsed and matched
 * locally: the watch cache holds every Deployment of a cluster, and a service's workloads are
 * found in it without asking the API server. Same grammar as the API server's
 * (k8s.io/apimachinery labels.Parse): =, ==, !=, in, notin, exists, !exists, gt, lt.
 */

export type Requirement =
  | { key: string; op: 'in'; values: string[] }
  | { key: string; op: 'notin'; values: string[] }
  | { key: string; op: 'exists' }
  | { key: string; op: '!exists' }
  | { key: string; op: 'gt' | 'lt'; value: number };

export type LabelSelector = Requirement[];

export class LabelSelectorError extends Error {}

/** Splits on commas outside parentheses. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p !== '');
}

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const SET_RE = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const EQ_RE = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const CMP_RE = new RegExp(`^(${KEY})\\s*(>|<)\\s*(-?\\d+)$`);
const EXISTS_RE = new RegExp(`^(!?)\\s*(${KEY})$`);

function parseRequirement(text: string): Requirement {
  let m = SET_RE.exec(text);
  if (m) {
    const values = m[4]
      .split(',')
      .map(v => v.trim())
      .filter(v => v !== '');
    return { key: m[1], op: m[3] as 'in' | 'notin', values };
  }
  m = EQ_RE.exec(text);
  if (m) {
    const op = m[3] === '!=' ? 'notin' : 'in';
    return { key: m[1], op, values: [m[4]] };
  }
  m = CMP_RE.exec(text);
  if (m)
    return { key: m[1], op: m[3] === '>' ? 'gt' : 'lt', value: Number(m[4]) };
  m = EXISTS_RE.exec(text);
  if (m) return { key: m[2], op: m[1] === '!' ? '!exists' : 'exists' };
  throw new LabelSelectorError(
    `cannot parse label selector requirement "${text}"`,
  );
}

/** Throws LabelSelectorError naming the requirement it could not read. */
export function parseLabelSelector(text: string): LabelSelector {
  return splitRequirements(text).map(parseRequirement);
}

function matchesRequirement(
  labels: Record<string, string>,
  r: Requirement,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.op) {
    case 'in':
      return has && r.values.includes(value!);
    case 'notin':
      // As in Kubernetes: `app!=x` and `app notin (x)` match objects without the label too.
      return !has || !r.values.includes(value!);
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false;
      return r.op === 'gt' ? Number(value) > r.value : Number(value) < r.value;
    }
    default:
      return false;
  }
}

/** An empty selector matches everything, as in Kubernetes. */
export function matchesLabelSelector(
  labels: Record<string, string>,
  selector: LabelSelector,
): boolean {
  return selector.every(r => matchesRequirement(labels, r));
}

/** When the selector is exactly `key=value`, that pair (the cache indexes it). */
export function singleEquality(
  selector: LabelSelector,
): { key: string; value: string } | undefined {
  if (selector.length !== 1) return undefined;
  const [r] = selector;
  if (r.op === 'in' && r.values.length === 1)
    return { key: r.key, value: r.values[0] };
  return undefined;
}
