import {
  ErrorHints,
  ErrorNotice as KitErrorNotice,
  ErrorNoticeProps,
} from '@internal/frontend-kit';

/** What the ownership backend means by a status, for the card's error notice. */
export const OWNERSHIP_ERROR_HINTS: ErrorHints = {
  backend: 'ownership',
  byStatus: {
    400: 'The ownership backend refused the request; its message names the parameter.',
    403: 'You are not allowed to read ownership; ask a portal administrator.',
    404: 'The ownership backend found no such entity, neither in its index nor in the catalog, or is not installed.',
    503: 'The ownership backend is still building its index of the catalog; try again shortly.',
  },
};

/** The kit's error notice with the ownership backend's hints. */
export function ErrorNotice(props: Omit<ErrorNoticeProps, 'hints'>) {
  return <KitErrorNotice {...props} hints={OWNERSHIP_ERROR_HINTS} />;
}
