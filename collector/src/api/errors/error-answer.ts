import type { Context } from 'koa';
import { rpcCodeOfHttpStatus, statusAnswer } from '../../ingest/otlp/otlp-status-answer.js';
import { mediaTypeOf } from '../body/read-body.js';
import { failure } from '../envelope.js';
import { isOtlpPath } from '../routes/otlp-routes.js';

export interface ErrorAnswer {
  status: number;
  message: string;
  headers?: Record<string, string>;
  /** Fields added to the envelope next to `error` (`field`, `hint`). */
  extra?: Record<string, unknown>;
  /** Appended to the message on OTLP routes, whose `google.rpc.Status` has no other place for it. */
  detail?: string;
}

/**
 * Writes an error in the format the route's clients read: on the OTLP/HTTP routes a `google.rpc.Status`
 * in the request's encoding (OTLP spec "Failures"; OTel exporters show its message), everywhere else the
 * `{success,data,error}` envelope. Status and headers (`Retry-After`, `WWW-Authenticate`) are the same.
 */
export function answerError(ctx: Context, answer: ErrorAnswer): void {
  ctx.status = answer.status;
  if (answer.headers) ctx.set(answer.headers);
  if (!isOtlpPath(ctx.path)) {
    ctx.body = failure(answer.message, answer.extra);
    return;
  }
  const message = answer.detail ? `${answer.message}: ${answer.detail}` : answer.message;
  const { contentType, body } = statusAnswer(mediaTypeOf(ctx.get('Content-Type')), {
    code: rpcCodeOfHttpStatus(answer.status),
    message,
  });
  ctx.type = contentType;
  ctx.body = body;
}
