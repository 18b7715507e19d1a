/**
 * `?a=1&b=x&b=y` from query parameters: arrays become repeated keys (the
 * specs' `style: form, explode: true`); undefined and null ones are left out,
 * so an optional parameter the caller did not set is not sent as "undefined".
 */
export function queryString(
  query: Record<string, unknown> | undefined,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) {
        params.append(key, String(item));
      }
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
