import { Command, CommanderError } from 'commander';
import { registerQueryCommandsWith } from '../../src/cli/query-commands.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `raceway <args>` in process, as `cli/main.ts` does, capturing output and the exit code. */
export async function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = new Command('raceway').exitOverride().configureOutput({
    writeOut: (text) => out.push(text),
    writeErr: (text) => err.push(text),
  });
  registerQueryCommandsWith(program, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env,
    setExitCode: (c) => {
      code = c;
    },
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.exitCode;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}
