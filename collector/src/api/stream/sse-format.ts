import type { FeedMessage } from '../../pipeline/live-feed.js';

/** One SSE message; `data` is one line of JSON (JSON.stringify never emits raw newlines). */
export function sseMessage(message: FeedMessage): string {
  return `id: ${message.id}\nevent: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies and idle timeouts from closing the stream. */
export function sseComment(text: string): string {
  return `: ${text}\n\n`;
}
