/** One Server-Sent Events frame as a client sees it. */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comments: string[];
}

export interface SseConnection {
  status: number;
  headers: Headers;
  /** The next frame (message or comment-only), waiting for it as long as needed. */
  next(): Promise<SseFrame>;
  /** Frames until one matches; returns every frame read, the match last. */
  until(match: (frame: SseFrame) => boolean): Promise<SseFrame[]>;
  close(): void;
}

/** A real streaming HTTP client for `text/event-stream` (fetch + a frame parser). */
export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseConnection> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  if (res.body === null) throw new Error(`no body (status ${res.status})`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const next = async (): Promise<SseFrame> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parseFrame(raw);
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
    }
  };
  return {
    status: res.status,
    headers: res.headers,
    next,
    async until(match) {
      const frames: SseFrame[] = [];
      for (;;) {
        const frame = await next();
        frames.push(frame);
        if (match(frame)) return frames;
      }
    },
    close: () => abort.abort(),
  };
}

function parseFrame(raw: string): SseFrame {
  const frame: SseFrame = { comments: [] };
  for (const line of raw.split('\n')) {
    if (line.startsWith(':')) {
      frame.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' || field === 'event' || field === 'retry') frame[field] = value;
    if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
  }
  return frame;
}
