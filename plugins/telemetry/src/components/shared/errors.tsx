import {
  ErrorHints,
  ErrorNotice as KitErrorNotice,
  ErrorNoticeProps,
} from '@internal/frontend-kit';

/** What the telemetry backend means by a status, for the cards' error notices. */
export const TELEMETRY_ERROR_HINTS: ErrorHints = {
  backend: 'telemetry',
  byStatus: {
    400: 'The portal sent a request the telemetry backend does not accept; the message names the parameter.',
    403: 'You are not allowed to read telemetry; ask a portal administrator.',
    404: 'The telemetry backend does not know this entity, or is not installed in the portal.',
    503: 'The telemetry backend or its database is not available right now; try again shortly.',
  },
};

/** The kit's error notice with the telemetry backend's hints. */
export function ErrorNotice(props: Omit<ErrorNoticeProps, 'hints'>) {
  return <KitErrorNotice {...props} hints={TELEMETRY_ERROR_HINTS} />;
}
