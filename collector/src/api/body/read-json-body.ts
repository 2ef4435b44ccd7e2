import type { Context } from 'koa';
import { malformedBody } from '../errors/http-errors.js';
import { readBody } from './read-body.js';

/** Reads and parses a JSON body (`application/json`), 400 with the parser's reason when malformed. */
export async function readJsonBody(ctx: Context, maxBytes: number): Promise<unknown> {
  const { body } = await readBody(ctx, { mediaTypes: ['application/json'], maxBytes });
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw malformedBody(`Malformed JSON: ${reason}`);
  }
}
