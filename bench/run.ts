// `npm run bench [-- name ...]`: runs every bench/<name>/main.ts (or the named ones), one after the
// other, each in its own Node process so that one bench's heap and JIT state do not skew the next.
// Each bench prints a Markdown section for bench/RESULTS.md on stdout and progress on stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${root}${d.name}/main.ts`))
  .map((d) => d.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (benches.length === 0) {
  console.error(`no bench matches ${wanted.join(', ')}`);
  process.exitCode = 2;
}
let failed = 0;
for (const name of benches) {
  console.error(`\n== bench/${name} ==`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${root}${name}/main.ts`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) {
    failed++;
    console.error(`bench/${name} failed (exit ${run.status ?? run.signal})`);
  }
}
if (failed > 0) process.exitCode = 1;
