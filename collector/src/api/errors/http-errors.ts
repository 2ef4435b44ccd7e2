import { RacewayError } from '../../errors/raceway-error.js';

/*
 * Failures that only exist at the HTTP boundary (content negotiation and body limits). They are plain
 * RacewayErrors so the one error middleware handles them like every other error.
 */

export function unsupportedMediaType(reason: string): RacewayError {
  return new RacewayError('unsupported_media_type', 415, reason);
}

export function payloadTooLarge(limitBytes: number): RacewayError {
  return new RacewayError(
    'payload_too_large',
    413,
    `Request body exceeds the limit of ${limitBytes} bytes (after decompression)`,
  );
}

export function malformedBody(reason: string): RacewayError {
  return new RacewayError('malformed_body', 400, reason);
}

export function routeNotFound(method: string, path: string): RacewayError {
  return new RacewayError('not_found', 404, `Not found: ${method} ${path}`);
}
