import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Middleware } from 'koa';
import { isApiPath } from './api-paths.js';

/** Vite names built assets `name-<hash>.ext`: their content never changes under that name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * The built dashboard from `uiDir` for GETs no route answered, never behind auth (spec §3.2): files as
 * they are, other paths fall back to `index.html` for client-side routing. Without a built UI, `/` says
 * how to build it.
 */
export function serveDashboard(uiDir: string | undefined): Middleware {
  const root = uiDir === undefined ? undefined : resolve(uiDir);
  return async (ctx, next) => {
    const isRead = ctx.method === 'GET' || ctx.method === 'HEAD';
    const answer = isRead && !isApiPath(ctx.path) ? await pick(root, ctx.path) : undefined;
    if (answer === undefined) {
      await next();
      return;
    }
    if (answer === 'no-ui') {
      ctx.type = 'text/plain';
      ctx.body = NO_UI;
      return;
    }
    ctx.set('Cache-Control', answer.cacheControl);
    ctx.type = extname(answer.file);
    ctx.body = createReadStream(answer.file);
  };
}

type Answer = 'no-ui' | { file: string; cacheControl: string };

async function pick(root: string | undefined, urlPath: string): Promise<Answer | undefined> {
  const index = root === undefined ? undefined : await fileAt(join(root, 'index.html'));
  if (root === undefined || index === undefined) return urlPath === '/' ? 'no-ui' : undefined;
  const file = await fileAt(safeJoin(root, urlPath));
  if (file !== undefined) {
    const immutable = HASHED_ASSET.test(urlPath);
    return { file, cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache' };
  }
  // A missing file with an extension is a broken link, not a client-side route.
  if (extname(urlPath) !== '') return undefined;
  return { file: index, cacheControl: 'no-cache' };
}

const NO_UI = [
  'Raceway collector is running, but the web dashboard has not been built.',
  '',
  'Build it with `npm run build` (or `npm run build --workspace ui`) and restart the collector.',
  'The REST API is under /api, events go to POST /events and the live stream is GET /api/stream.',
  '',
].join('\n');

/** The file for a URL path inside `root`, or undefined when it escapes `root` or is malformed. */
function safeJoin(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = resolve(root, `.${decoded}`);
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

async function fileAt(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}
