import { fileURLToPath } from 'node:url';

/** Where user code called a tracking function: `file:line`, `function`. */
export interface CallSite {
  file: string;
  line: number;
  functionName: string;
}

const OWN_DIR = fileURLToPath(new URL('.', import.meta.url));

/**
 * The first stack frame outside this package and outside Node internals. The old SDKs skipped any path
 * containing "raceway" (spec §10.4), hiding user code in folders of that name; we skip our own folder only.
 */
export function callSite(): CallSite {
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of stack) {
    const m = /at (?:(.+?) \()?(.+?):(\d+):\d+\)?$/.exec(frame.trim());
    if (!m) continue;
    const [, fn = '', rawFile = '', line = '0'] = m;
    const file = rawFile.startsWith('file://') ? fileURLToPath(rawFile) : rawFile;
    if (file.startsWith(OWN_DIR) || file.startsWith('node:') || file.includes('/node_modules/'))
      continue;
    return {
      file: relativeToCwd(file),
      line: Number(line),
      functionName: fn.replace(/^async /, ''),
    };
  }
  return { file: 'unknown', line: 0, functionName: '' };
}

function relativeToCwd(file: string): string {
  const cwd = process.cwd() + '/';
  return file.startsWith(cwd) ? file.slice(cwd.length) : file;
}
