import express, { RequestHandler } from 'express';
import { bodyTooLargeMessage, MAX_BODY_BYTES } from '../validation/limits';

/**
 * `express.json` with room for the request limits. A body over the parser's
 * limit is answered here with 413 in Backstage's error shape: the validated
 * router would otherwise turn every parser error into a 400. Malformed JSON
 * goes on as an error and becomes a 400.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: MAX_BODY_BYTES });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (
        (error as { type?: string } | undefined)?.type === 'entity.too.large'
      ) {
        res.status(413).json({
          error: { name: 'PayloadTooLargeError', message: bodyTooLargeMessage },
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 413 },
        });
        return;
      }
      next(error);
    });
}
