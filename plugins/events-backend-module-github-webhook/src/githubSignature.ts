import { LoggerService } from '@backstage/backend-plugin-api';
import { RequestValidator } from '@backstage/plugin-events-node';
import { verify } from '@octokit/webhooks-methods';

/** The header GitHub signs deliveries with (lower-cased, as Node hands headers over). */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** `sha256=` and 64 lower-case hex digits: the only shape GitHub sends in that header. */
const SIGNATURE_SHAPE = /^sha256=[0-9a-f]{64}$/;

/** The outcome of checking one delivery's signature; `reason` is safe to log. */
export type SignatureCheck =
  | { ok: true }
  | {
      ok: false;
      reason:
        | 'no X-Hub-Signature-256 header'
        | 'more than one X-Hub-Signature-256 header'
        | 'X-Hub-Signature-256 is not sha256=<64 hex digits>'
        | 'empty body'
        | 'signature does not match the body';
    };

/**
 * Checks `signature` (the X-Hub-Signature-256 header as received) against the HMAC-SHA256 of
 * `body` with `secret`. The comparison is @octokit/webhooks-methods' `verify` (constant time
 * over equal lengths). Its shape is checked first because `verify` reads any value that does
 * not start with `sha256=` as a SHA-1 signature, which this header must never carry.
 */
export async function checkGithubSignature(
  secret: string,
  body: string,
  signature: string | string[] | undefined,
): Promise<SignatureCheck> {
  if (signature === undefined || signature === '') {
    return { ok: false, reason: 'no X-Hub-Signature-256 header' };
  }
  if (Array.isArray(signature)) {
    return { ok: false, reason: 'more than one X-Hub-Signature-256 header' };
  }
  if (!SIGNATURE_SHAPE.test(signature)) {
    return {
      ok: false,
      reason: 'X-Hub-Signature-256 is not sha256=<64 hex digits>',
    };
  }
  if (body === '') {
    // (`verify` throws on an empty payload; GitHub never sends one.)
    return { ok: false, reason: 'empty body' };
  }
  return (await verify(secret, body, signature))
    ? { ok: true }
    : { ok: false, reason: 'signature does not match the body' };
}

/** A header value fit for a log line: short, and only the characters GitHub uses there. */
function loggable(
  value: string | string[] | undefined,
  pattern: RegExp,
): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

/**
 * The events backend's validator for the `github` ingress: a delivery passes only with a valid
 * X-Hub-Signature-256 for `secret`; anything else is answered 401 `{"message":"invalid
 * signature"}` (JSON, no WWW-Authenticate: a webhook sender has no credentials to offer) and
 * published nowhere, and a warning names the delivery and the reason (never the secret nor the
 * signature).
 *
 * The HMAC is taken over the body as the events backend decoded it for parsing (its bytes in
 * the request's charset, UTF-8 for GitHub), so what is verified is exactly what is published.
 */
export function createGithubSignatureValidator(options: {
  secret: string;
  logger: LoggerService;
}): RequestValidator {
  const { secret, logger } = options;
  return async (request, context) => {
    const body = request.raw.body.toString(request.raw.encoding);
    const check = await checkGithubSignature(
      secret,
      body,
      request.headers[SIGNATURE_HEADER],
    );
    if (check.ok) {
      return;
    }
    const delivery =
      loggable(request.headers['x-github-delivery'], /^[A-Za-z0-9-]{1,64}$/) ??
      '(no X-GitHub-Delivery)';
    const event =
      loggable(request.headers['x-github-event'], /^[a-z_]{1,64}$/) ??
      '(no X-GitHub-Event)';
    logger.warn(
      `Refused GitHub webhook delivery ${delivery} (event ${event}) with 401: ${check.reason}`,
    );
    context.reject({ status: 401, payload: { message: 'invalid signature' } });
  };
}
