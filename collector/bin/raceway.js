#!/usr/bin/env -S node --max-semi-space-size=64
// Thin launcher: the CLI lives in the compiled collector (npm install builds it via `prepare`).
import { main } from '../dist/cli/main.js';

// `raceway traces | head`: a reader that stops early is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`raceway: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
