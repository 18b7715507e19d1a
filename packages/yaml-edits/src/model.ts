import { YamlEditError } from './errors';
import { YamlEdit, YamlPath } from './types';

/*
 * What an edit means for the data, independent of the text: the editor
 * checks every result against it, so a text edit either says exactly this or
 * is refused.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of JSON-like data (what a parsed YAML document turns into). */
export function copyValue<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(copyValue) as T;
  }
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = copyValue(item);
    }
    return copy as T;
  }
  return value;
}

/** Whether two JSON-like values are equal (key order aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameValue(item, b[index]))
    );
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) {
      return false;
    }
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every(
        key =>
          Object.prototype.hasOwnProperty.call(b, key) &&
          sameValue(a[key], b[key]),
      )
    );
  }
  return a === b;
}

type Holder = Record<string | number, unknown>;

/**
 * The holder of the value at `path` and its key there (`holder[key]`);
 * with `create`, empty or missing mappings on the way become `{}`.
 */
function locate(root: Holder, path: YamlPath, create: boolean) {
  let holder = root;
  let key: string | number = 'value';
  path.forEach((segment, depth) => {
    let next = holder[key];
    if ((next === undefined || next === null) && create) {
      if (typeof segment === 'number') {
        throw new YamlEditError('not-found', 'has no such item', path);
      }
      next = {};
      holder[key] = next;
    }
    const here = path.slice(0, depth);
    if (typeof segment === 'number') {
      if (!Array.isArray(next)) {
        throw new YamlEditError('not-a-sequence', 'is not a list', here);
      }
      if (segment >= next.length) {
        throw new YamlEditError('not-found', 'has no such item', path);
      }
    } else if (!isRecord(next)) {
      throw new YamlEditError('not-a-map', 'is not a mapping', here);
    }
    holder = next as Holder;
    key = segment;
  });
  return { holder, key };
}

/** `data` with `edit` applied (a copy; `data` is left as it was). */
export function applyEditToValue(data: unknown, edit: YamlEdit): unknown {
  const root: Holder = { value: copyValue(data) };
  switch (edit.op) {
    case 'set': {
      const { holder, key } = locate(root, edit.path, true);
      holder[key] = copyValue(edit.value);
      break;
    }
    case 'append': {
      const { holder, key } = locate(root, edit.path, true);
      const list = holder[key];
      if (list === undefined || list === null) {
        holder[key] = [copyValue(edit.value)];
      } else if (Array.isArray(list)) {
        list.push(copyValue(edit.value));
      } else {
        throw new YamlEditError('not-a-sequence', 'is not a list', edit.path);
      }
      break;
    }
    case 'remove': {
      const { holder, key } = locate(root, edit.path, false);
      if (Array.isArray(holder)) {
        holder.splice(Number(key), 1);
      } else if (Object.prototype.hasOwnProperty.call(holder, key)) {
        delete holder[key];
      } else {
        throw new YamlEditError('not-found', 'is not there', edit.path);
      }
      break;
    }
    default:
      throw new YamlEditError(
        'unsupported-style',
        `unknown edit '${(edit as { op: string }).op}'`,
      );
  }
  return root.value;
}
