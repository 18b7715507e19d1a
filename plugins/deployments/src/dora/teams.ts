import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** A group the DORA page offers. */
export interface TeamOption {
  ref: string;
  title: string;
  isTeam: boolean;
}

/** Groups as picker options: teams first (they own services), then other groups, by title. */
export function teamOptions(groups: Entity[]): TeamOption[] {
  return groups
    .map(group => {
      const profile = (group.spec?.profile ?? {}) as { displayName?: string };
      return {
        ref: stringifyEntityRef(group),
        title:
          group.metadata.title ?? profile.displayName ?? group.metadata.name,
        isTeam: group.spec?.type === 'team',
      };
    })
    .sort(
      (a, b) =>
        Number(b.isTeam) - Number(a.isTeam) || a.title.localeCompare(b.title),
    );
}

/**
 * The team to show when the URL names none: the signed-in user's first team, else the first
 * team in the list, so the page opens on figures rather than on an empty picker.
 */
export function defaultTeam(
  options: TeamOption[],
  ownershipRefs: string[],
): string | undefined {
  const own = options.find(o => o.isTeam && ownershipRefs.includes(o.ref));
  return (own ?? options.find(o => o.isTeam) ?? options[0])?.ref;
}
