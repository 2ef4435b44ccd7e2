#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled collector (npm install builds it via `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`raceway: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
