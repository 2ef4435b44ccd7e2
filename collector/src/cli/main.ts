import { createRequire } from 'node:module';
import { Command } from 'commander';
import { usageExit } from './commands/query-command.js';
import { registerQueryCommands } from './query-commands.js';
import { registerServeCommand } from './serve-command.js';
import { registerTuiCommand } from './tui-command.js';

// The same relative path from src/cli (tests) and dist/cli (the bin): the collector's package.json.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** `raceway <command>`; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('raceway')
    .description('Raceway collector: data races, causal order, critical paths and anomalies')
    .version(version)
    // An unknown command, or none, is a usage error like a bad flag (exit 2, as the README says).
    .exitOverride(usageExit);
  let exitCode = 0;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  registerServeCommand(program, setExitCode);
  registerTuiCommand(program, setExitCode);
  registerQueryCommands(program, setExitCode);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    // commander signals --help/--version and usage errors by throwing with an exit code.
    if (err && typeof err === 'object' && 'exitCode' in err && typeof err.exitCode === 'number') {
      return err.exitCode;
    }
    throw err;
  }
  return exitCode;
}
