/**
 * The `filter` of an OpenTelemetry metric source, in the small grammar Strata evaluates
 * (docs/telemetry.md, "Filter grammar"):
 *
 *   filter = clause *( "AND" clause )
 *   clause = "service.name" "=" string
 *          | "span.name" "=" string
 *          | "http.request.method" "=" string      (together with http.route)
 *          | "http.route" "=" string               (together with http.request.method)
 *          | "http.response.status_code" ( "<" 500 | "<=" 499 | ">=" 500 | ">" 499 )
 *
 * Strings are in double or single quotes (`\` escapes the next character); `==` is accepted
 * for `=`, `AND` in any case. An operation is a span name — what the embedded aggregates and the
 * Collector's spanmetrics (`span_name`) both count by; OpenTelemetry names an HTTP server span
 * `{method} {route}`, so `http.request.method="GET" AND http.route="/invoices"` is the operation
 * `GET /invoices`, and a route alone is refused (it would match no span name). Everything else
 * (OR, NOT, parentheses, other attributes, other status-code bounds) is refused with a message:
 * Strata counts server spans by service and operation, and a request as failing when its
 * status is 5xx (or the span status is error), so nothing else could be evaluated faithfully.
 */

/** What a filter selects. */
export interface SpanFilter {
  serviceName?: string;
  /** The span name (operation) the filter selects, when it selects one. */
  operation?: string;
  /** `non-5xx` = the successful requests; `5xx` = the failing ones. */
  status?: 'non-5xx' | '5xx';
}

export type FilterParseResult =
  | { ok: true; filter: SpanFilter }
  | { ok: false; message: string };

type Token =
  | { type: 'word'; text: string }
  | { type: 'op'; text: string }
  | { type: 'string'; text: string }
  | { type: 'number'; text: string };

const STATUS_ATTRIBUTES = ['http.response.status_code', 'http.status_code'];
const STRING_ATTRIBUTES = [
  'service.name',
  'span.name',
  'http.request.method',
  'http.route',
] as const;
type StringAttribute = (typeof STRING_ATTRIBUTES)[number];

/** The service and the operation (span name) from the string clauses. */
function withOperation(
  filter: SpanFilter,
  strings: Partial<Record<StringAttribute, string>>,
): FilterParseResult {
  const {
    'service.name': serviceName,
    'span.name': spanName,
    'http.request.method': method,
    'http.route': route,
  } = strings;
  if (spanName !== undefined && (method !== undefined || route !== undefined)) {
    return {
      ok: false,
      message:
        'give span.name, or http.request.method with http.route, not both',
    };
  }
  if ((method === undefined) !== (route === undefined)) {
    return {
      ok: false,
      message:
        route !== undefined
          ? `operations are span names, and OpenTelemetry names an HTTP server span "{method} {route}": add http.request.method="GET" (or whichever method) to http.route="${route}", or write span.name="GET ${route}"`
          : `http.request.method needs http.route (the span is named "{method} {route}"), or write span.name="${method}"`,
    };
  }
  const operation =
    spanName ?? (route !== undefined ? `${method} ${route}` : undefined);
  return {
    ok: true,
    filter: {
      ...(serviceName !== undefined && { serviceName }),
      ...(operation !== undefined && { operation }),
      ...filter,
    },
  };
}

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\' && j + 1 < text.length) j += 1;
        value += text[j];
      }
      if (j >= text.length)
        return `unterminated string starting at ${c}${value}`;
      tokens.push({ type: 'string', text: value });
      i = j + 1;
    } else if (/[<>=!]/.test(c)) {
      const two = text.slice(i, i + 2);
      const op = ['<=', '>=', '==', '!='].includes(two) ? two : c;
      if (op === '!') return 'unexpected "!"';
      tokens.push({ type: 'op', text: op });
      i += op.length;
    } else if (/[0-9]/.test(c)) {
      const match = /^[0-9]+/.exec(text.slice(i))![0];
      tokens.push({ type: 'number', text: match });
      i += match.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i))![0];
      tokens.push({ type: 'word', text: match });
      i += match.length;
    } else {
      return `unexpected "${c}" (parentheses and other operators are not supported)`;
    }
  }
  return tokens;
}

function statusOf(op: string, value: number): SpanFilter['status'] {
  if ((op === '<' && value === 500) || (op === '<=' && value === 499)) {
    return 'non-5xx';
  }
  if ((op === '>=' && value === 500) || (op === '>' && value === 499)) {
    return '5xx';
  }
  return undefined;
}

/** Parses a filter; see the grammar above. */
export function parseSpanFilter(text: string): FilterParseResult {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return { ok: false, message: tokens };
  if (tokens.length === 0) return { ok: false, message: 'the filter is empty' };
  const filter: SpanFilter = {};
  const strings: Partial<Record<StringAttribute, string>> = {};
  let i = 0;
  for (;;) {
    const [key, op, value] = tokens.slice(i, i + 3);
    if (key?.type !== 'word' || op?.type !== 'op' || !value) {
      return {
        ok: false,
        message: `expected <attribute> <operator> <value> at "${tokens
          .slice(i)
          .map(t => t.text)
          .join(' ')}"`,
      };
    }
    const clause = `${key.text} ${op.text} ${value.text}`;
    if ((STRING_ATTRIBUTES as readonly string[]).includes(key.text)) {
      if ((op.text !== '=' && op.text !== '==') || value.type !== 'string') {
        return {
          ok: false,
          message: `"${clause}": ${key.text} can only be compared with = and a quoted string`,
        };
      }
      const attribute = key.text as StringAttribute;
      if (strings[attribute] !== undefined) {
        return { ok: false, message: `${key.text} is given twice` };
      }
      strings[attribute] = value.text;
    } else if (STATUS_ATTRIBUTES.includes(key.text)) {
      const status =
        value.type === 'number'
          ? statusOf(op.text, Number(value.text))
          : undefined;
      if (!status) {
        return {
          ok: false,
          message: `"${clause}": a request counts as failing when its status is 5xx, so the status code can only be compared as "< 500" (successful) or ">= 500" (failing)`,
        };
      }
      if (filter.status !== undefined) {
        return { ok: false, message: `${key.text} is given twice` };
      }
      filter.status = status;
    } else {
      return {
        ok: false,
        message: `"${clause}": only ${STRING_ATTRIBUTES.join(
          ', ',
        )} and http.response.status_code can be filtered on`,
      };
    }
    i += 3;
    if (i === tokens.length) return withOperation(filter, strings);
    const joiner = tokens[i];
    if (joiner.type !== 'word' || joiner.text.toUpperCase() !== 'AND') {
      return {
        ok: false,
        message: `clauses can only be joined with AND, not "${joiner.text}"`,
      };
    }
    i += 1;
  }
}
