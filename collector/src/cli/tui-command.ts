import type { Command } from 'commander';
import { resolveConnection } from './commands/connection-options.js';
import { ExitCode } from './commands/exit-codes.js';
import { usageExit } from './commands/query-command.js';
import { traceIdArg } from './commands/trace-id-arg.js';

/** `raceway tui [--server URL] [--api-key KEY] [--trace ID]`: the terminal UI (spec §7, issue 10). */
export function registerTuiCommand(program: Command, setExitCode: (code: number) => void): void {
  const command = program
    .command('tui')
    .description('terminal UI: live traces, races, critical paths, anomalies (press ? inside)')
    .option('--server <url>', 'collector URL (env RACEWAY_URL, default http://127.0.0.1:8080)')
    .option('--api-key <key>', 'API key, sent as a Bearer token (env RACEWAY_API_KEY)')
    .option('--trace <trace-id>', 'open this trace at start')
    .exitOverride(usageExit);
  command.action(async () => {
    const flags = command.opts<{ server?: string; apiKey?: string; trace?: string }>();
    let connection;
    let initialTraceId: string | undefined;
    try {
      connection = resolveConnection(flags, process.env);
      initialTraceId = flags.trace === undefined ? undefined : traceIdArg(flags.trace);
    } catch (err) {
      process.stderr.write(`raceway: ${err instanceof Error ? err.message : String(err)}\n`);
      setExitCode(ExitCode.usage);
      return;
    }
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write('raceway tui needs an interactive terminal (stdin and stdout a TTY)\n');
      setExitCode(ExitCode.usage);
      return;
    }
    // Loaded on demand so that the query subcommands never pay for React and ink.
    const { runTui } = await import('../tui/run-tui.js');
    await runTui(connection, { initialTraceId });
    setExitCode(ExitCode.ok);
  });
}
