/**
 * UI pieces shared by Strata's frontend plugins, so each is written once: failed calls in
 * words, the loading/error/empty notices, local times, the window picker, and a fake backend
 * for API client tests.
 *
 * @packageDocumentation
 */
export { describeError } from './errors/describeError';
export type { ErrorHints, ErrorWords } from './errors/describeError';
export { Empty } from './notices/Empty';
export { ErrorNotice } from './notices/ErrorNotice';
export type { ErrorNoticeProps } from './notices/ErrorNotice';
export { Loading } from './notices/Loading';
export { formatMoment } from './time/formatMoment';
export type { FormatMomentOptions } from './time/formatMoment';
export { WindowPicker } from './windows/WindowPicker';
export type { WindowPickerProps } from './windows/WindowPicker';
export { fakeBackend } from './testing/fakeBackend';
export type { FakeBackend, RecordedCall } from './testing/fakeBackend';
