/** A problem with how the command was called: exit code 2. */
export class UsageError extends Error {
  name = 'UsageError';
}

/** A file that cannot be read, no files at all, or an unusable portal: exit code 2. */
export class IoError extends Error {
  name = 'IoError';
}
