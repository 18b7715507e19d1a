import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import express, { Request, Response } from 'express';
import { IngestOutcome } from '../database/IngestStore';
import { admitSpans, describeRejections } from '../otlp/admit';
import { decodeJsonRequest } from '../otlp/decodeJson';
import { decodeProtobufRequest, MalformedRequestError } from '../otlp/decodeProtobuf';
import {
  CONTENT_TYPES,
  exportResponse,
  OtlpEncoding,
  RPC_CODES,
  statusResponse,
} from '../otlp/responses';
import { ReceivedSpan } from '../otlp/spans';
import { IngestQueue, OverloadedError } from './IngestQueue';
import { BodyLimits, readBody, ReceiverError } from './readBody';

export interface ReceiverOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  limits: BodyLimits;
  queue: IngestQueue<IngestOutcome>;
  ingest: (spans: ReceivedSpan[]) => Promise<IngestOutcome>;
  /** Spans that ended before this are older than the retention. */
  oldestEndMs: () => number;
  retentionText: string;
  now?: () => number;
}

/** Seconds an exporter should wait after a 429 (the queue drains in well under that). */
export const RETRY_AFTER_OVERLOADED_S = 2;
/** Seconds after a 503 (the database is not answering). */
export const RETRY_AFTER_UNAVAILABLE_S = 10;

function encodingOf(req: Request): OtlpEncoding | undefined {
  const type = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

/**
 * `POST /v1/traces` as the OTLP/HTTP specification has it: protobuf or JSON, gzip or not;
 * 200 only once the batch is committed (with partialSuccess naming every rejected span's
 * reason), 400 for a malformed body, 413 over the limits, 415 for another media type or
 * encoding, 429 when the queue is full and 503 when the database is down, both with
 * Retry-After. Answers are in the request's encoding.
 */
export function createOtlpReceiver(options: ReceiverOptions): express.Router {
  const router = express.Router();
  const now = options.now ?? Date.now;

  router.post('/v1/traces', (req, res, next) => {
    receive(req, res).catch(next);
  });

  async function receive(req: Request, res: Response) {
    const encoding = encodingOf(req);
    const answer = (status: number, code: number, name: string, message: string) => {
      const enc = encoding ?? 'json';
      res.status(status).type(CONTENT_TYPES[enc]).send(statusResponse(enc, code, name, message));
    };
    // Refusing a body we do not read: close the connection after answering, so the rest of an
    // oversized upload is never read.
    const refuseUnread = () => {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
    };
    try {
      await options.httpAuth.credentials(req, { allow: ['service'] });
    } catch (error) {
      refuseUnread();
      const name = (error as Error).name;
      const status = name === 'NotAllowedError' ? 403 : 401;
      answer(
        status,
        status === 403 ? RPC_CODES.PERMISSION_DENIED : RPC_CODES.UNAUTHENTICATED,
        name,
        (error as Error).message,
      );
      return;
    }
    if (!encoding) {
      refuseUnread();
      answer(
        415,
        RPC_CODES.INVALID_ARGUMENT,
        'UnsupportedMediaTypeError',
        `Content-Type must be application/x-protobuf or application/json, not ${req.get('content-type') ?? 'none'}`,
      );
      return;
    }

    let spans: ReceivedSpan[];
    let total: number;
    let partial: { rejectedSpans: number; errorMessage: string } | undefined;
    try {
      const body = await readBody(req, options.limits);
      let decoded;
      if (encoding === 'protobuf') decoded = decodeProtobufRequest(body);
      else {
        let json: unknown;
        try {
          json = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch (error) {
          throw new MalformedRequestError(`not JSON: ${(error as Error).message}`);
        }
        decoded = decodeJsonRequest(json);
      }
      const admission = admitSpans(decoded, {
        nowMs: now(),
        oldestEndMs: options.oldestEndMs(),
        retentionText: options.retentionText,
      });
      spans = admission.accepted;
      total = decoded.spans.length + decoded.invalid.length;
      if (admission.rejectedCount > 0) {
        partial = {
          rejectedSpans: admission.rejectedCount,
          errorMessage: describeRejections(admission, total),
        };
      }
    } catch (error) {
      if (error instanceof ReceiverError) {
        if (error.status !== 400) refuseUnread();
        answer(error.status, RPC_CODES.INVALID_ARGUMENT, error.errorName, error.message);
      } else if (error instanceof MalformedRequestError) {
        answer(400, RPC_CODES.INVALID_ARGUMENT, 'InputError', `Malformed OTLP ${encoding}: ${error.message}`);
      } else {
        throw error;
      }
      return;
    }

    try {
      if (spans.length > 0) {
        await options.queue.submit(spans.length, () => options.ingest(spans));
      }
    } catch (error) {
      if (error instanceof OverloadedError) {
        res.setHeader('Retry-After', String(RETRY_AFTER_OVERLOADED_S));
        answer(429, RPC_CODES.RESOURCE_EXHAUSTED, error.name, error.message);
        return;
      }
      // Database errors quote their SQL: a batch's worth of ids. The start says what failed.
      options.logger.error(
        `Telemetry spans could not be stored; answering 503: ${String(error).slice(0, 500)}`,
      );
      res.setHeader('Retry-After', String(RETRY_AFTER_UNAVAILABLE_S));
      answer(
        503,
        RPC_CODES.UNAVAILABLE,
        'ServiceUnavailableError',
        'The telemetry store is not available; retry later',
      );
      return;
    }
    res.status(200).type(CONTENT_TYPES[encoding]).send(exportResponse(encoding, partial));
  }

  return router;
}
