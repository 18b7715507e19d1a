import { mockServices } from '@backstage/backend-test-utils';
import {
  RequestDetails,
  RequestRejectionDetails,
} from '@backstage/plugin-events-node';
import { verify } from '@octokit/webhooks-methods';
import { createHmac } from 'node:crypto';
import {
  checkGithubSignature,
  createGithubSignatureValidator,
} from './githubSignature';

const SECRET = 'webhook-secret-for-tests';

const body = JSON.stringify({
  ref: 'refs/heads/main',
  repository: { full_name: 'dataflow/billing', default_branch: 'main' },
  head_commit: { message: 'Rechnung für Ärzte' },
});

/** What GitHub sends: the HMAC of the body's UTF-8 bytes, in hex, behind `algorithm=`. */
const sign = (
  payload: string,
  secret = SECRET,
  algorithm: 'sha256' | 'sha1' = 'sha256',
) =>
  `${algorithm}=${createHmac(algorithm, secret)
    .update(payload, 'utf8')
    .digest('hex')}`;

/** A delivery as the events backend hands it to the validator. */
function delivery(
  headers: Record<string, string | string[]>,
  payload = body,
): RequestDetails {
  return {
    body: JSON.parse(payload),
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      ...headers,
    },
    raw: { body: Buffer.from(payload, 'utf8'), encoding: 'utf-8' },
  };
}

async function validate(request: RequestDetails) {
  const logger = mockServices.logger.mock();
  const rejections: Partial<RequestRejectionDetails>[] = [];
  const validator = createGithubSignatureValidator({ secret: SECRET, logger });
  await validator(request, {
    reject: details => {
      rejections.push(details ?? {});
    },
  });
  const logged = [
    ...logger.warn.mock.calls,
    ...logger.info.mock.calls,
    ...logger.error.mock.calls,
    ...logger.debug.mock.calls,
  ]
    .map(call => JSON.stringify(call))
    .join('\n');
  return { rejections, logger, logged };
}

const unauthorized = [
  { status: 401, payload: { message: 'invalid signature' } },
];

describe('createGithubSignatureValidator', () => {
  it('passes a delivery signed with the secret, logging nothing', async () => {
    const { rejections, logged } = await validate(
      delivery({ 'x-hub-signature-256': sign(body) }),
    );
    expect(rejections).toEqual([]);
    expect(logged).toBe('');
  });

  it('answers 401 to a delivery without a signature', async () => {
    const { rejections, logger } = await validate(delivery({}));
    expect(rejections).toEqual(unauthorized);
    expect(logger.warn).toHaveBeenCalledWith(
      'Refused GitHub webhook delivery 72d3162e-cc78-11e3-81ab-4c9367dc0958 (event push) with 401: no X-Hub-Signature-256 header',
    );
  });

  it('answers 401 to a signature made with a different secret, logging neither secret nor signature', async () => {
    const forged = sign(body, 'not-the-secret');
    const { rejections, logger, logged } = await validate(
      delivery({ 'x-hub-signature-256': forged }),
    );
    expect(rejections).toEqual(unauthorized);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('signature does not match the body'),
    );
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(forged.slice('sha256='.length));
    expect(logged).not.toContain(sign(body).slice('sha256='.length));
  });

  it('answers 401 to a body changed after signing', async () => {
    const tampered = body.replace('dataflow/billing', 'dataflow/orders');
    expect(tampered).not.toBe(body);
    const { rejections } = await validate(
      delivery({ 'x-hub-signature-256': sign(body) }, tampered),
    );
    expect(rejections).toEqual(unauthorized);
  });

  it('answers 401 to a valid SHA-1 signature under the sha1= prefix, which verify() alone would accept', async () => {
    const sha1 = sign(body, SECRET, 'sha1');
    // @octokit/webhooks-methods reads any value not starting with sha256= as SHA-1 ...
    expect(await verify(SECRET, body, sha1)).toBe(true);
    // ... the validator takes only sha256= in X-Hub-Signature-256.
    const { rejections, logger } = await validate(
      delivery({ 'x-hub-signature-256': sha1 }),
    );
    expect(rejections).toEqual(unauthorized);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'X-Hub-Signature-256 is not sha256=<64 hex digits>',
      ),
    );
  });

  it('answers 401 to a delivery signed only with the legacy SHA-1 X-Hub-Signature header', async () => {
    const { rejections } = await validate(
      delivery({ 'x-hub-signature': sign(body, SECRET, 'sha1') }),
    );
    expect(rejections).toEqual(unauthorized);
  });

  it('answers 401 to a signature without its algorithm prefix', async () => {
    const bare = sign(body).slice('sha256='.length);
    const { rejections } = await validate(
      delivery({ 'x-hub-signature-256': bare }),
    );
    expect(rejections).toEqual(unauthorized);
  });

  it('answers 401 to two X-Hub-Signature-256 headers, even when one is valid', async () => {
    const { rejections, logger } = await validate(
      delivery({ 'x-hub-signature-256': [sign(body), sign(body, 'other')] }),
    );
    expect(rejections).toEqual(unauthorized);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('more than one X-Hub-Signature-256 header'),
    );
  });

  it('does not log header values outside the shapes GitHub sends', async () => {
    const { rejections, logger } = await validate(
      delivery({
        'x-github-delivery': 'abc\nFAKE LOG LINE',
        'x-github-event': 'push; rm -rf',
      }),
    );
    expect(rejections).toEqual(unauthorized);
    expect(logger.warn).toHaveBeenCalledWith(
      'Refused GitHub webhook delivery (no X-GitHub-Delivery) (event (no X-GitHub-Event)) with 401: no X-Hub-Signature-256 header',
    );
  });
});

describe('checkGithubSignature', () => {
  it('accepts the signature of the exact body and refuses each other case with its reason', async () => {
    expect(await checkGithubSignature(SECRET, body, sign(body))).toEqual({
      ok: true,
    });
    expect(await checkGithubSignature(SECRET, body, undefined)).toEqual({
      ok: false,
      reason: 'no X-Hub-Signature-256 header',
    });
    expect(await checkGithubSignature(SECRET, body, '')).toEqual({
      ok: false,
      reason: 'no X-Hub-Signature-256 header',
    });
    expect(
      await checkGithubSignature(SECRET, body, sign(body).toUpperCase()),
    ).toEqual({
      ok: false,
      reason: 'X-Hub-Signature-256 is not sha256=<64 hex digits>',
    });
    expect(
      await checkGithubSignature(SECRET, body, sign(body).slice(0, -2)),
    ).toEqual({
      ok: false,
      reason: 'X-Hub-Signature-256 is not sha256=<64 hex digits>',
    });
    expect(await checkGithubSignature(SECRET, '', sign('x'))).toEqual({
      ok: false,
      reason: 'empty body',
    });
    expect(await checkGithubSignature(SECRET, `${body} `, sign(body))).toEqual({
      ok: false,
      reason: 'signature does not match the body',
    });
  });
});
