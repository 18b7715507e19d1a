import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** Platform admins: canonical, lower-cased entity refs of users and groups. */
export type AdminRefs = ReadonlySet<string>;

/**
 * Turns `strata.permissions.admins` into {@link AdminRefs}. Each entry must be a user or group
 * ref with its kind (`group:platform` means `group:default/platform`); anything else is a
 * configuration error that stops the backend, naming the entry, rather than a policy that
 * silently has no admins.
 */
export function parseAdminRefs(entries: readonly string[]): AdminRefs {
  return new Set(
    entries.map((entry, index) => {
      const where = `strata.permissions.admins[${index}]`;
      let ref;
      try {
        ref = parseEntityRef(entry);
      } catch (error) {
        throw new Error(
          `${where}: '${entry}' is not an entity ref; write it as group:default/<name> or user:default/<name>`,
        );
      }
      const kind = ref.kind.toLocaleLowerCase('en-US');
      if (kind !== 'user' && kind !== 'group') {
        throw new Error(
          `${where}: '${entry}' is a ${ref.kind}; admins are users or groups, e.g. group:default/platform`,
        );
      }
      return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    }),
  );
}
