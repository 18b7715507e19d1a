import {
  ErrorHints,
  ErrorNotice as KitErrorNotice,
  ErrorNoticeProps,
} from '@internal/frontend-kit';

/** What the deployments backend means by a status, for the cards' error notices. */
export const DEPLOYMENTS_ERROR_HINTS: ErrorHints = {
  backend: 'deployments',
  byStatus: {
    400: 'The portal sent a request the deployments backend does not accept; the message names the field.',
    403: 'You are not allowed to read deployments; ask a portal administrator.',
    404: 'The deployments backend does not know this entity, or is not installed in the portal.',
    503: 'The deployments backend is starting or overloaded; try again shortly.',
  },
};

/** The kit's error notice with the deployments backend's hints. */
export function ErrorNotice(props: Omit<ErrorNoticeProps, 'hints'>) {
  return <KitErrorNotice {...props} hints={DEPLOYMENTS_ERROR_HINTS} />;
}
