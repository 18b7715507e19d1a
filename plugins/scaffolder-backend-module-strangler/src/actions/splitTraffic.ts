import { InputError } from '@backstage/errors';
import { YamlEditor, YamlPath } from '@internal/yaml-edits';
import { isMap, isScalar, isSeq, parseDocument, YAMLMap } from 'yaml';

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
 * pull request that people review line by line (@internal/yaml-edits writes
 * only the bytes that change).
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
  const editor = openRoutesFile(routesYamlText);
  const routes = routesOf(editor);
  const matching = routes.flatMap((item, index) =>
    isMap(item) && item.get('path') === split.path ? [index] : [],
  );
  if (matching.length > 1) {
    throw new InputError(
      `The routes file has ${matching.length} routes for ${split.path}; keep one before splitting it`,
    );
  }
  if (matching.length === 0) {
    editor.append(['routes'], newRoute(split), {
      commentBefore: `${split.service} extracted from ${split.monolith}; raise its weight in later pull requests`,
      blankLineBefore: routes.length > 0,
    });
  } else {
    const [index] = matching;
    updateRoute(editor, ['routes', index], routes[index] as YAMLMap, split);
  }
  return editor.text;
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

function openRoutesFile(text: string): YamlEditor {
  const source = text.trim() === '' ? EMPTY_ROUTES_FILE : text;
  const doc = parseDocument(source);
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
  return new YamlEditor(source);
}

/** The routes listed today; none for a missing or empty `routes:` (the first append starts the list). */
function routesOf(editor: YamlEditor): unknown[] {
  const node = (editor.document.contents as YAMLMap).get('routes', true);
  if (node === undefined || (isScalar(node) && node.value === null)) {
    return [];
  }
  if (!isSeq(node)) {
    throw new InputError('`routes` in the routes file must be a list');
  }
  return node.items;
}

function backendsOf({ monolith, service, percent }: TrafficSplit) {
  return [
    { service: monolith, weight: 100 - percent },
    { service, weight: percent },
  ];
}

function newRoute(split: TrafficSplit) {
  return {
    path: split.path,
    backends: backendsOf(split),
    fallback: split.monolith,
  };
}

function updateRoute(
  editor: YamlEditor,
  at: YamlPath,
  route: YAMLMap,
  split: TrafficSplit,
) {
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
    editor.remove([...at, 'service']);
    editor.set([...at, 'backends'], backendsOf(split));
    editor.set([...at, 'fallback'], monolith);
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
  const monolithIndex = names.indexOf(monolith);
  if (monolithIndex < 0) {
    throw new InputError(
      `${path} is not served by the monolith '${monolith}' (backends: ${names.join(
        ', ',
      )})`,
    );
  }
  editor.set([...at, 'backends', monolithIndex, 'weight'], 100 - percent);
  const serviceIndex = names.indexOf(service);
  if (serviceIndex >= 0) {
    editor.set([...at, 'backends', serviceIndex, 'weight'], percent);
  } else {
    editor.append([...at, 'backends'], { service, weight: percent });
  }
  editor.set([...at, 'fallback'], monolith);
}
