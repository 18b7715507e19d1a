import {
  ErrorHints,
  ErrorNotice as KitErrorNotice,
  ErrorNoticeProps,
} from '@internal/frontend-kit';

/** What the governance backend means by a status, for the page's and card's error notices. */
export const GOVERNANCE_ERROR_HINTS: ErrorHints = {
  backend: 'governance',
  byStatus: {
    400: 'The governance backend refused the request; its message names the field.',
    403: 'You are not allowed to do this; waivers are managed by the platform admins (strata.permissions.admins).',
    404: 'The governance backend does not know this, or is not installed in the portal.',
    503: 'The governance backend has not finished its first evaluation, or is overloaded; try again shortly.',
  },
};

/** The kit's error notice with the governance backend's hints. */
export function ErrorNotice(props: Omit<ErrorNoticeProps, 'hints'>) {
  return <KitErrorNotice {...props} hints={GOVERNANCE_ERROR_HINTS} />;
}
