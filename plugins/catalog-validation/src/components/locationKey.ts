/**
 * A catalog location key (`url:https://…/catalog-info.yaml`, `file:/srv/…/catalog-info.yaml`)
 * as a person reads it, with a link when it is a URL. Pure, so the warning stays simple.
 */
export function describeLocationKey(key: string): {
  text: string;
  href?: string;
} {
  const separator = key.indexOf(':');
  const type = separator > 0 ? key.slice(0, separator) : '';
  const target = separator > 0 ? key.slice(separator + 1) : key;
  if (type === 'url' && /^https?:\/\//.test(target)) {
    return { text: target, href: target };
  }
  return { text: target };
}
