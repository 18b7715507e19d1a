/*
 * How to reach an owner, from what the catalog says about the group (or user): the profile's
 * e-mail, then its links — chat links (Slack, Teams, an icon of `chat`) marked as such, so an
 * alert router can post there.
 */
import type { Entity } from '@backstage/catalog-model';
import type { Contact } from '@internal/plugin-ownership-common';

const CHAT_ICONS = new Set(['chat', 'slack', 'teams', 'discord']);
const CHAT_HOSTS =
  /(^|\.)(slack\.com|teams\.microsoft\.com|discord\.com|discord\.gg)$/i;

function isChat(url: string, icon?: string): boolean {
  if (icon && CHAT_ICONS.has(icon.toLocaleLowerCase('en-US'))) return true;
  if (/^(slack|msteams):/i.test(url)) return true;
  try {
    return CHAT_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function contactsOf(owner: Entity | undefined): Contact[] {
  if (!owner) return [];
  const contacts: Contact[] = [];
  const profile = owner.spec?.profile as { email?: unknown } | undefined;
  if (typeof profile?.email === 'string' && profile.email) {
    contacts.push({ type: 'email', value: profile.email });
  }
  for (const link of owner.metadata.links ?? []) {
    if (!link.url) continue;
    contacts.push({
      type: isChat(link.url, link.icon) ? 'chat' : 'link',
      value: link.url,
      ...(link.title ? { title: link.title } : {}),
    });
  }
  return contacts;
}

export function titleOf(entity: Entity | undefined): string | undefined {
  if (!entity) return undefined;
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  if (typeof profile?.displayName === 'string' && profile.displayName)
    return profile.displayName;
  return entity.metadata.title;
}
