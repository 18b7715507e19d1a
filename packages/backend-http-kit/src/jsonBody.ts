import express, { Request, RequestHandler, Response } from 'express';

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

export type JsonBodyOptions = {
  /** The largest body parsed, in bytes. */
  limitBytes: number;
  /** What a caller whose body is too large is told; default names the limit. */
  tooLargeMessage?: string;
};

/**
 * The body parser for a plugin's validated OpenAPI router (`express.json`), answering what that
 * router would otherwise turn into a 400:
 * - a body that is not JSON (`Content-Type: text/plain`, a form, …) → 415;
 * - a body over the limit → 413.
 * Malformed JSON goes on as an error and becomes a 400; requests without a body go on to the
 * routes.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  const parse = express.json({ limit: options.limitBytes });
  const tooLarge =
    options.tooLargeMessage ??
    `The request body is larger than ${Math.round(
      options.limitBytes / 1024,
    )} KiB`;
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
          message: tooLarge,
        });
        return;
      }
      next(error);
    });
  };
}
