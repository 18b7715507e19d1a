import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_VIEW_URL,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { Severity } from '../types';
import { entriesOf, shown } from './display';
import { EntityRule, RuleFinding } from './types';
import { errorMessage } from '../errorMessage';

/** Schemes a link may use. */
export const safeSchemes = ['http:', 'https:', 'mailto:'];
/** Schemes that run code in the browser. */
export const scriptSchemes = ['javascript', 'vbscript', 'data'].map(
  scheme => `${scheme}:`,
);
/** Annotations holding a plain URL that the portal renders as a link. */
export const urlAnnotations = [ANNOTATION_VIEW_URL, ANNOTATION_EDIT_URL];

/** What is wrong with a URL, completing "<field> ...". */
type Problem = { severity: Severity; problem: string; hint: string };

const scriptHint =
  'Script URLs are a cross-site scripting risk: Backstage refuses to open them and the catalog rejects them in location references. Use an http(s) URL.';

/** Classifies one URL; undefined when it is fine. */
export function classifyUrl(url: string): Problem | undefined {
  let protocol: string;
  try {
    // The URL parser drops the whitespace and control characters that
    // browsers ignore too, so "java\tscript:" is caught as well.
    protocol = new URL(url).protocol.toLowerCase();
  } catch {
    return {
      severity: 'error',
      problem: `is not a valid absolute URL: ${shown(url)}`,
      hint: 'The catalog rejects links that are not absolute URLs; write the full address, e.g. https://example.com/docs.',
    };
  }
  if (safeSchemes.includes(protocol)) {
    return undefined;
  }
  if (scriptSchemes.includes(protocol)) {
    return {
      severity: 'error',
      problem: `is a ${protocol} URL`,
      hint: scriptHint,
    };
  }
  return {
    severity: 'warning',
    problem: `uses the ${protocol} scheme`,
    hint: `Links should use ${safeSchemes.join(
      ', ',
    )}; browsers may not open other schemes.`,
  };
}

/**
 * Classifies a location reference, `<type>:<target>`, as the catalog parses
 * it. `strict` makes a malformed reference an error rather than a warning.
 */
export function classifyLocationRef(
  value: string,
  strict: boolean,
): Problem | undefined {
  let location: { type: string; target: string };
  try {
    location = parseLocationRef(value);
  } catch (e) {
    const message = errorMessage(e);
    if (/target is a javascript: URL/.test(message)) {
      return {
        severity: 'error',
        problem: 'has a javascript: target',
        hint: scriptHint,
      };
    }
    return {
      severity: strict ? 'error' : 'warning',
      problem: `is not a valid location reference: ${message}`,
      hint: 'Write <type>:<target>, e.g. url:https://github.com/org/repo/tree/main/.',
    };
  }
  if (scriptSchemes.includes(`${location.type.trim().toLowerCase()}:`)) {
    return {
      severity: 'error',
      problem: `is a ${location.type}: location`,
      hint: scriptHint,
    };
  }
  return location.type === 'url' ? classifyUrl(location.target) : undefined;
}

function annotationProblem(key: string, value: string): Problem | undefined {
  if (key.endsWith('-location')) {
    return classifyLocationRef(value, key.startsWith('backstage.io/'));
  }
  return urlAnnotations.includes(key) ? classifyUrl(value) : undefined;
}

export const unsafeLinkRule: EntityRule = {
  id: 'unsafe-link',
  severity: 'error',
  description:
    'metadata.links and URL/location annotations (*-location, view-url, edit-url) must be absolute http(s) or mailto URLs; javascript: and other script URLs are errors, other schemes warnings.',
  check(entity: Entity) {
    const findings: RuleFinding[] = [];
    const add = (path: RuleFinding['path'], field: string, found?: Problem) => {
      if (found) {
        const { severity, problem, hint } = found;
        findings.push({ path, severity, message: `${field} ${problem}`, hint });
      }
    };
    const links: unknown[] = Array.isArray(entity.metadata.links)
      ? entity.metadata.links
      : [];
    links.forEach((link, i) => {
      const url = (link as { url?: unknown } | null)?.url;
      if (typeof url === 'string') {
        add(
          ['metadata', 'links', i, 'url'],
          `metadata.links[${i}].url`,
          classifyUrl(url),
        );
      }
    });
    for (const [key, value] of entriesOf(entity.metadata.annotations)) {
      if (typeof value === 'string') {
        add(
          ['metadata', 'annotations', key],
          `Annotation ${key}`,
          annotationProblem(key, value),
        );
      }
    }
    return findings;
  },
};
