import { decodeRpcStatus } from '@raceway/proto';
import { describe, expect, it } from 'vitest';
import { rpcCodeOfHttpStatus, statusAnswer } from './otlp-status-answer.js';

describe('statusAnswer', () => {
  const status = { code: 16, message: 'Unauthorized: no API key sent' };

  it.each(['application/x-protobuf', 'application/protobuf'])(
    'encodes binary protobuf for %s',
    (type) => {
      const answer = statusAnswer(type, status);
      expect(answer.contentType).toBe('application/x-protobuf');
      expect(decodeRpcStatus(answer.body)).toEqual(status);
    },
  );

  it.each(['application/json', 'text/plain', ''])('encodes JSON for "%s"', (type) => {
    const answer = statusAnswer(type, status);
    expect(answer.contentType).toBe('application/json');
    expect(JSON.parse(answer.body.toString())).toEqual(status);
  });
});

describe('rpcCodeOfHttpStatus', () => {
  it.each([
    [400, 3],
    [401, 16],
    [403, 7],
    [404, 12],
    [405, 12],
    [413, 8],
    [415, 3],
    [429, 8],
    [500, 13],
    [502, 14],
    [503, 14],
    [504, 14],
    [418, 2],
  ])('maps HTTP %i to google.rpc.Code %i', (http, code) => {
    expect(rpcCodeOfHttpStatus(http)).toBe(code);
  });
});
