import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/**
 * Writes events (as their exact JSON text, one per line) to a new gzip NDJSON file in `directory`.
 * The file appears under its final name only once complete, so a reader never sees half an archive.
 */
export async function archiveTraces(
  directory: string,
  fileStem: string,
  docs: readonly string[],
): Promise<string> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, `${fileStem}.ndjson.gz`);
  const partial = `${path}.partial`;
  const lines = (function* () {
    for (const doc of docs) yield `${doc}\n`;
  })();
  await pipeline(Readable.from(lines), createGzip(), createWriteStream(partial));
  await rename(partial, path);
  return path;
}
