import { InputError } from '@backstage/errors';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

/** What share of a path's traffic goes from the monolith to the extracted service. */
export interface TrafficSplit {
  /** Path prefix on the gateway, e.g. `/api/v1/reports`. */
  path: string;
  /** Gateway service name of the monolith that serves the path today. */
  monolith: string;
  /** Gateway service name of the extracted service. */
  service: string;
  /** Whole percent of requests sent to `service`, 1–100. */
  percent: number;
}

/** Same rule as the template's form, so a hand-written step input fails the same way. */
export const GATEWAY_PATH_PATTERN = /^\/[a-z0-9/_-]*$/;
const SERVICE_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** An empty routes file, as a fresh gateway repository starts. */
export const EMPTY_ROUTES_FILE = 'routes: []\n';

/**
 * Applies a strangler split to the gateway's `routes.yaml` text and returns the
 * new text. Only the route for `split.path` changes: every other route, comment,
 * blank line and quoting style stays as written, because this text goes into a
 * pull request that people review line by line.
 *
 * The route either is added, or (when the path is routed to the monolith, or
 * already split between the monolith and this same service) gets its weights
 * and fallback set. Anything else is refused, with the reason.
 */
export function splitTraffic(
  routesYamlText: string,
  split: TrafficSplit,
): string {
  checkSplit(split);
  const doc = parseRoutesDocument(routesYamlText);
  const routes = routesList(doc);
  const matching = routes.items.filter(
    item => isMap(item) && item.get('path') === split.path,
  ) as YAMLMap[];
  if (matching.length > 1) {
    throw new InputError(
      `The routes file has ${matching.length} routes for ${split.path}; keep one before splitting it`,
    );
  }
  if (matching.length === 0) {
    routes.items.push(newRoute(doc, split, routes.items.length > 0));
  } else {
    updateRoute(doc, matching[0], split);
  }
  return doc.toString();
}

function checkSplit(split: TrafficSplit) {
  if (
    !Number.isInteger(split.percent) ||
    split.percent < 1 ||
    split.percent > 100
  ) {
    throw new InputError(
      `The share of traffic must be a whole percent from 1 to 100, got ${split.percent}`,
    );
  }
  if (!GATEWAY_PATH_PATTERN.test(split.path)) {
    throw new InputError(
      `The path '${split.path}' must start with / and use only lowercase letters, digits, /, _ and -`,
    );
  }
  for (const [field, name] of [
    ['monolith', split.monolith],
    ['service', split.service],
  ]) {
    if (!SERVICE_NAME_PATTERN.test(name)) {
      throw new InputError(
        `The ${field} '${name}' is not a gateway service name (lowercase letters, digits and -)`,
      );
    }
  }
  if (split.monolith === split.service) {
    throw new InputError(
      `The extracted service must differ from the monolith, both are '${split.service}'`,
    );
  }
}

function parseRoutesDocument(text: string): Document {
  const doc = parseDocument(text.trim() === '' ? EMPTY_ROUTES_FILE : text);
  if (doc.errors.length > 0) {
    throw new InputError(
      `The routes file is not valid YAML: ${doc.errors[0].message}`,
    );
  }
  if (!isMap(doc.contents)) {
    throw new InputError(
      'The routes file must be a map with a `routes:` list at the top',
    );
  }
  return doc;
}

function routesList(doc: Document): YAMLSeq {
  const top = doc.contents as YAMLMap;
  const node = top.get('routes', true);
  if (node === undefined || (isScalar(node) && node.value === null)) {
    // `routes:` with nothing under it, or no key at all: start the list.
    const seq = doc.createNode([]) as YAMLSeq;
    top.set('routes', seq);
    return seq;
  }
  if (!isSeq(node)) {
    throw new InputError('`routes` in the routes file must be a list');
  }
  if (node.flow && node.items.length === 0) {
    // `routes: []` would stay a flow list; block style is what people edit.
    node.flow = false;
  }
  return node;
}

function newRoute(doc: Document, split: TrafficSplit, spaceBefore: boolean) {
  const route = doc.createNode({
    path: split.path,
    backends: [
      { service: split.monolith, weight: 100 - split.percent },
      { service: split.service, weight: split.percent },
    ],
    fallback: split.monolith,
  }) as YAMLMap;
  route.commentBefore = ` ${split.service} extracted from ${split.monolith}; raise its weight in later pull requests`;
  route.spaceBefore = spaceBefore;
  return route;
}

function updateRoute(doc: Document, route: YAMLMap, split: TrafficSplit) {
  const { path, monolith, service, percent } = split;
  const fallback = route.get('fallback');
  if (fallback !== undefined && fallback !== monolith) {
    throw new InputError(
      `${path} falls back to '${fallback}', not to the monolith '${monolith}'; change the fallback by hand first`,
    );
  }

  const single = route.get('service');
  if (single !== undefined) {
    if (single !== monolith) {
      throw new InputError(
        `${path} is served by '${single}', not by the monolith '${monolith}'`,
      );
    }
    // A plain route `service: <monolith>` becomes a weighted split in place.
    const index = route.items.findIndex(
      pair => isScalar(pair.key) && pair.key.value === 'service',
    );
    route.items.splice(index, 1);
    route.set(
      'backends',
      doc.createNode([
        { service: monolith, weight: 100 - percent },
        { service, weight: percent },
      ]),
    );
    route.set('fallback', monolith);
    return;
  }

  const backends = route.get('backends', true);
  if (!isSeq(backends) || !backends.items.every(isMap)) {
    throw new InputError(
      `The route for ${path} has neither \`service:\` nor a \`backends:\` list of {service, weight}`,
    );
  }
  const items = backends.items as YAMLMap[];
  const names = items.map(backend => String(backend.get('service')));
  const others = names.filter(name => name !== monolith && name !== service);
  if (others.length > 0) {
    throw new InputError(
      `${path} is already split to ${others
        .map(o => `'${o}'`)
        .join(
          ', ',
        )}; finish or undo that extraction before sending its traffic to '${service}'`,
    );
  }
  const monolithBackend = items.find(b => b.get('service') === monolith);
  if (!monolithBackend) {
    throw new InputError(
      `${path} is not served by the monolith '${monolith}' (backends: ${names.join(
        ', ',
      )})`,
    );
  }
  monolithBackend.set('weight', 100 - percent);
  const serviceBackend = items.find(b => b.get('service') === service);
  if (serviceBackend) {
    serviceBackend.set('weight', percent);
  } else {
    backends.items.push(doc.createNode({ service, weight: percent }));
  }
  route.set('fallback', monolith);
}
