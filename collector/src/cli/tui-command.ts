import type { Command } from 'commander';

/** Placeholder until its owner lands it; keeps `cli/main.ts` compiling. */
export function registerTuiCommand(_program: Command, _setExitCode: (code: number) => void): void {}
