import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { resolveConnection } from './connection-options.js';
import { ExitCode } from './exit-codes.js';
import type { QueryIo } from './query-io.js';

/** What a query subcommand's body gets: a client for the chosen server and the output mode. */
export interface QueryContext {
  client: ApiClient;
  json: boolean;
  io: QueryIo;
}

interface QueryFlags {
  server?: string;
  apiKey?: string;
  json?: boolean;
}

/** A subcommand with the shared `--server`, `--api-key` and `--json` flags; usage errors exit 2. */
export function defineQueryCommand(
  parent: Command,
  nameAndArgs: string,
  description: string,
): Command {
  return parent
    .command(nameAndArgs)
    .description(description)
    .option('--server <url>', 'collector URL (env RACEWAY_URL, default http://127.0.0.1:8080)')
    .option('--api-key <key>', 'API key, sent as a Bearer token (env RACEWAY_API_KEY)')
    .option('--json', 'print the result as JSON for scripts')
    .exitOverride(usageExit);
}

/** Commander reports help as exit 0 and every parse problem as a usage error (exit 2). */
export function usageExit(err: CommanderError): never {
  if (err.exitCode === 0) throw err;
  throw new CommanderError(ExitCode.usage, err.code, err.message);
}

/**
 * Runs a subcommand body and maps its failures to the documented exit codes, printing one line of
 * explanation on stderr (spec §4.15 commands, with the API key the old ones never sent).
 */
export async function runQuery(
  io: QueryIo,
  command: Command,
  body: (context: QueryContext) => Promise<void>,
): Promise<void> {
  const flags = command.opts<QueryFlags>();
  try {
    const connection = resolveConnection(flags, io.env);
    const client = new ApiClient({
      ...connection,
      ...(io.fetch ? { fetch: io.fetch } : {}),
    });
    await body({ client, json: flags.json === true, io });
  } catch (err) {
    if (err instanceof ApiError) {
      io.stderr(`raceway: ${err.message}\n`);
      io.setExitCode(err.exitCode);
      return;
    }
    if (err instanceof CommanderError) {
      io.stderr(`raceway: ${err.message}\n`);
      io.setExitCode(ExitCode.usage);
      return;
    }
    throw err;
  }
}

/** Pretty JSON with a trailing newline. */
export function printJson(io: QueryIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
