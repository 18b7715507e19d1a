/** A dependency the request needs is down; the client may retry later (HTTP 503). */
export class ServiceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}
