/**
 * The message of a thrown value. Errors can come from another realm (e.g. a
 * test environment), so this does not rely on `instanceof Error`.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
