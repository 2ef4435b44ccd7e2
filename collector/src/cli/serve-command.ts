import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { createApp } from '../app.js';
import type { AppUrls } from '../app.js';
import { describeConfig } from '../config/describe-config.js';
import { loadConfig } from '../config/load-config.js';
import { SETTINGS, envName } from '../config/settings.js';
import { ConfigError } from '../errors/raceway-error.js';
import { usageExit } from './commands/query-command.js';
import { serveLogger } from './serve-logger.js';

/** What `serve` reads from and writes to the process, injectable for tests. */
export interface ServeIo {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  setExitCode(code: number): void;
  /** Resolves when the collector should stop (SIGINT/SIGTERM). */
  stopSignal(): Promise<string>;
}

/** `raceway serve`: the collector (spec §4.15 `serve`). */
export function registerServeCommand(program: Command, setExitCode: (code: number) => void): void {
  registerServeCommandWith(program, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
    cwd: process.cwd(),
    setExitCode,
    stopSignal: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      }),
  });
}

export function registerServeCommandWith(program: Command, io: ServeIo): void {
  // The old CLI's form `raceway -c FILE serve` (spec §4.15) as well as `raceway serve -c FILE`.
  if (!program.options.some((o) => o.long === '--config'))
    program.option('-c, --config <file>', 'raceway.toml for serve (default: ./raceway.toml)');
  const serve = program
    .command('serve')
    .description('run the collector: native ingest, OTLP, REST API, live stream and dashboard')
    .option('-c, --config <file>', 'raceway.toml to read (default: ./raceway.toml when present)')
    .exitOverride(usageExit)
    .addHelpText(
      'after',
      '\nEvery option can also be set in raceway.toml or as RACEWAY_<OPTION> (e.g. RACEWAY_MAX_BODY).\n' +
        'Precedence: defaults < raceway.toml < environment < flags.',
    );
  for (const setting of SETTINGS) {
    if (setting.value === undefined) {
      // Shown as commander shows the others' variables; loadConfig reads it (e.g. RACEWAY_OTLP_HTTP=false).
      serve.addOption(
        new Option(`--${setting.key}`, `${setting.help} (env: ${envName(setting.key)}=false)`),
      );
      serve.addOption(new Option(`--no-${setting.key}`).hideHelp());
      continue;
    }
    const option = new Option(`--${setting.key} ${setting.value}`, setting.help).env(
      envName(setting.key),
    );
    if (setting.repeatable) option.argParser(collect);
    serve.addOption(option);
  }
  serve.action(async (opts: Record<string, unknown>, cmd: Command) => {
    io.setExitCode(await runServe(opts, cmd, io));
  });
}

function collect(value: string, previous: unknown): string[] {
  return Array.isArray(previous) ? [...(previous as string[]), value] : [value];
}

async function runServe(opts: Record<string, unknown>, cmd: Command, io: ServeIo): Promise<number> {
  const program = cmd.parent ?? cmd;
  // Env values reach loadConfig directly (it names the variable in errors); only real flags count here.
  const flags: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const name = camel(setting.key);
    if (cmd.getOptionValueSource(name) === 'cli') flags[setting.key] = opts[name];
  }
  let loaded;
  try {
    loaded = loadConfig({
      flags,
      env: io.env,
      configPath: (opts['config'] ?? program.opts()['config']) as string | undefined,
      cwd: io.cwd,
    });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`raceway: invalid configuration: ${err.message}`);
    return 2;
  }
  const { config, file, warnings } = loaded;
  for (const warning of warnings) io.err(`raceway: warning: ${warning}`);
  const log = serveLogger(config.logLevel);
  const app = createApp(config, { logger: log.logger });
  let urls: AppUrls;
  try {
    urls = await app.start();
  } catch (err) {
    log.release();
    io.err(`raceway: cannot start: ${err instanceof Error ? err.message : String(err)}`);
    await app.shutdown();
    return 1;
  }
  const effective = {
    replicaId: app.replicaId,
    uiDir: app.uiDir,
    uiBuilt: app.uiDir !== undefined && existsSync(join(app.uiDir, 'index.html')),
  };
  banner(io, urls, file, describeConfig(config, effective), config.otlpGrpc.enabled);
  // What the collector logged while starting follows the banner, not before it.
  log.release();
  const signal = await io.stopSignal();
  app.logger.info({ signal }, 'stopping: finishing accepted events');
  await app.shutdown();
  return 0;
}

function banner(
  io: ServeIo,
  urls: AppUrls,
  file: string | undefined,
  config: string[],
  grpcWanted: boolean,
): void {
  io.out('Raceway collector listening');
  io.out(`  dashboard + API  ${urls.apiUrl}/`);
  io.out(`  native ingest    POST ${urls.apiUrl}/events`);
  io.out(`  OTLP/HTTP        ${urls.otlpHttpUrl ? `${urls.otlpHttpUrl}/v1/traces` : 'off'}`);
  // A gRPC port that cannot be bound leaves the other listeners up: say so rather than "off".
  const grpc = urls.otlpGrpcUrl ?? (grpcWanted ? 'NOT STARTED: see the error logged below' : 'off');
  io.out(`  OTLP/gRPC        ${grpc}`);
  io.out(`  metrics          ${urls.apiUrl}/metrics`);
  io.out(`configuration (${file ?? 'no raceway.toml'}; secrets masked):`);
  for (const line of config) io.out(`  ${line}`);
}

function camel(key: string): string {
  return key.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
