import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Context } from 'koa';
import { malformedBody, payloadTooLarge, unsupportedMediaType } from '../errors/http-errors.js';

export interface BodyRules {
  /** Accepted media types, lower case, without parameters. */
  mediaTypes: readonly string[];
  /** Limit after decompression (a small gzip body can inflate without bound). */
  maxBytes: number;
}

export interface RawBody {
  mediaType: string;
  body: Buffer;
}

/**
 * Reads a request body in one place for every route: checks the content type (415 with the reason),
 * undoes `Content-Encoding` (gzip, deflate, br), and stops at `maxBytes` of decoded bytes (413). The
 * request is never destroyed on refusal, so the client still receives the answer.
 */
export async function readBody(ctx: Context, rules: BodyRules): Promise<RawBody> {
  const mediaType = mediaTypeOf(ctx.get('Content-Type'));
  if (!rules.mediaTypes.includes(mediaType)) {
    const sent = mediaType === '' ? 'no Content-Type' : `Content-Type '${mediaType}'`;
    throw unsupportedMediaType(
      `Unsupported ${sent}: ${ctx.method} ${ctx.path} accepts ${rules.mediaTypes.join(' or ')}`,
    );
  }
  const decoder = decoderFor(ctx.get('Content-Encoding'));
  const declared = Number(ctx.get('Content-Length') || NaN);
  if (declared > rules.maxBytes) {
    ctx.req.resume();
    throw payloadTooLarge(rules.maxBytes);
  }
  return { mediaType, body: await collect(ctx.req, decoder, rules.maxBytes) };
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaTypeOf(header: string): string {
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

function decoderFor(header: string): Transform | undefined {
  const encoding = header.trim().toLowerCase();
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw unsupportedMediaType(
        `Unsupported Content-Encoding '${encoding}': use gzip, deflate, br or identity`,
      );
  }
}

function collect(
  req: IncomingMessage,
  decoder: Transform | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const source: Readable = decoder ?? req;
  if (decoder) {
    req.pipe(decoder);
    req.once('error', (err) => decoder.destroy(err));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const settle = (): void => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      req.off('close', onClose);
    };
    const drain = (): void => {
      // Discard the rest of the upload without destroying the socket the answer goes out on.
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      req.resume();
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > maxBytes) {
        settle();
        drain();
        reject(payloadTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      settle();
      resolve(Buffer.concat(chunks, total));
    };
    const onError = (err: Error): void => {
      settle();
      drain();
      reject(malformedBody(`Could not decode the request body: ${err.message}`));
    };
    const onClose = (): void => {
      if (req.complete) return;
      settle();
      reject(malformedBody('The client aborted the request body'));
    };
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', onError);
    req.on('close', onClose);
  });
}
