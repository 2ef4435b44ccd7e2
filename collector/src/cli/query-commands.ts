import type { Command } from 'commander';

/** Placeholder until its owner lands it; keeps `cli/main.ts` compiling. */
export function registerQueryCommands(
  _program: Command,
  _setExitCode: (code: number) => void,
): void {}
