import express, { Request, RequestHandler, Response } from 'express';
import { bodyTooLargeMessage, MAX_BODY_BYTES } from '../validation/limits';

/** An error answer in Backstage's shape, for errors found before the routes run. */
function answer(
  req: Request,
  res: Response,
  statusCode: number,
  error: { name: string; message: string },
) {
  res.status(statusCode).json({
    error,
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode },
  });
}

/**
 * `express.json` with room for the request limits, answering what the
 * validated router would otherwise turn into a 400:
 * - a body that is not JSON (`Content-Type: text/plain`, a form, …) → 415;
 * - a body over the parser's limit → 413.
 * Malformed JSON goes on as an error and becomes a 400; requests without a
 * body go on to the routes.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: MAX_BODY_BYTES });
  return (req, res, next) => {
    // null without a body, false for a body of another media type.
    if (req.is(['application/json', '+json']) === false) {
      answer(req, res, 415, {
        name: 'UnsupportedMediaTypeError',
        message: `The request body must be JSON (Content-Type: application/json), not ${req.get(
          'content-type',
        )}`,
      });
      return;
    }
    parse(req, res, (error?: unknown) => {
      if (
        (error as { type?: string } | undefined)?.type === 'entity.too.large'
      ) {
        answer(req, res, 413, {
          name: 'PayloadTooLargeError',
          message: bodyTooLargeMessage,
        });
        return;
      }
      next(error);
    });
  };
}
