/*
 * Exactly one lookup key per request. Zero keys or several are a 400 that names the keys (given,
 * or accepted), so the caller sees what to send instead of getting whichever key won.
 */
import { InputError } from '@backstage/errors';
import {
  LOOKUP_KEYS,
  LookupQuery,
  isLookupKey,
} from '@internal/plugin-ownership-common';

export function parseLookupQuery(params: Record<string, unknown>): LookupQuery {
  const given = Object.keys(params).filter(
    name => isLookupKey(name) && params[name] !== undefined,
  );
  if (given.length === 0) {
    throw new InputError(
      `Give exactly one of ${LOOKUP_KEYS.join(', ')}; none was given`,
    );
  }
  if (given.length > 1) {
    throw new InputError(
      `Give exactly one of ${LOOKUP_KEYS.join(', ')}; got ${
        given.length
      }: ${given.join(', ')}`,
    );
  }
  const key = given[0] as LookupQuery['key'];
  const value = params[key];
  if (typeof value !== 'string') {
    throw new InputError(`${key}: give it once, as a string`);
  }
  return { key, value };
}
