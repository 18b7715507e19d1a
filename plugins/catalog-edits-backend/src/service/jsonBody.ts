import express, { Request, RequestHandler, Response } from 'express';

/** The largest JSON body the routes take (express.json's default). */
const MAX_BODY = '100kb';

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
 * The body parser of the validated router (`express.json`), answering what
 * that router would otherwise turn into a 400:
 * - a body that is not JSON (`Content-Type: text/plain`, a form, …) → 415;
 * - a body over 100 KiB → 413.
 * Malformed JSON goes on as an error and becomes a 400.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: MAX_BODY });
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
          message: `The request body is larger than ${MAX_BODY.replace(
            'kb',
            ' KiB',
          )}`,
        });
        return;
      }
      next(error);
    });
  };
}
