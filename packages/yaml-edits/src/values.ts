import { YamlEditError } from './errors';
import { YamlPath } from './types';

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Refuses what YAML cannot say as data the way a reader gets it back (undefined, NaN, a Date, ...). */
export function checkValue(value: unknown, path: YamlPath): void {
  const refuse = (what: string) =>
    new YamlEditError('invalid-value', `cannot write ${what}`, path);
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  ) {
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw refuse(String(value));
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach(item => checkValue(item, path));
    return;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (/[\r\n]/.test(key)) {
        throw refuse(`the key ${JSON.stringify(key)} (keys are one line)`);
      }
      checkValue(item, path);
    }
    return;
  }
  throw refuse(typeof value === 'object' ? 'this object' : String(value));
}
