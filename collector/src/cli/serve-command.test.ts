import { createServer } from 'node:net';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../config/settings.js';
import { registerServeCommandWith } from './serve-command.js';
import type { ServeIo } from './serve-command.js';

function harness(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = 0;
  let stop: (signal: string) => void = () => {};
  let started: () => void = () => {};
  const running = new Promise<void>((resolve) => (started = resolve));
  const io: ServeIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    cwd: process.cwd(),
    setExitCode: (code) => (exitCode = code),
    stopSignal: () => {
      started();
      return new Promise((resolve) => (stop = resolve));
    },
  };
  let help = '';
  const program = new Command('raceway').exitOverride().configureOutput({
    writeOut: (s) => (help += s),
    writeErr: (s) => (help += s),
  });
  registerServeCommandWith(program, io);
  const run = (args: string[]) =>
    program.parseAsync(args, { from: 'user' }).then(
      () => exitCode,
      (e: { exitCode?: number }) => e.exitCode ?? 1,
    );
  return { out, err, run, running, stop: (s: string) => stop(s), help: () => help };
}

describe('raceway serve', () => {
  it('lists every setting in --help', async () => {
    const h = harness();
    expect(await h.run(['serve', '--help'])).toBe(0);
    for (const setting of SETTINGS) expect(h.help()).toContain(`--${setting.key}`);
    expect(h.help()).toContain('--config');
    // Every setting names its environment variable, the on/off listeners too.
    const oneLine = h.help().replace(/\s+/g, ' ');
    expect(oneLine).toContain('(--no-otlp-http to disable) (env: RACEWAY_OTLP_HTTP=false)');
    expect(oneLine).toContain('(--no-otlp-grpc to disable) (env: RACEWAY_OTLP_GRPC=false)');
  });

  it('exits non-zero naming the bad key when the configuration is invalid', async () => {
    const h = harness({ RACEWAY_STORAGE: 'mysql' });
    expect(await h.run(['serve'])).toBe(2);
    expect(h.err).toEqual([
      'raceway: invalid configuration: RACEWAY_STORAGE: must be one of memory, postgres',
    ]);
  });

  it.each([
    [['-c', 'missing.toml', 'serve']],
    [['serve', '-c', 'missing.toml']],
    [['serve', '--config', 'missing.toml']],
  ])('reads the config file named by %j', async (args) => {
    const h = harness();
    expect(await h.run(args)).toBe(2);
    expect(h.err).toEqual([
      'raceway: invalid configuration: --config: file not found: missing.toml',
    ]);
  });

  it('prints the URLs and the configuration with the keys masked, serves, and stops on a signal', async () => {
    const h = harness({ RACEWAY_LOG_LEVEL: 'silent' });
    const exit = h.run([
      'serve',
      '--port',
      '0',
      '--otlp-http-port',
      '0',
      '--no-otlp-grpc',
      '--api-key',
      'first-secret',
      '--api-key',
      'second-secret',
    ]);
    await h.running;
    const text = h.out.join('\n');
    expect(text).not.toContain('first-secret');
    expect(text).not.toContain('second-secret');
    expect(text).toContain('OTLP/gRPC        off');
    // The values this process runs with, not the rule that picks them.
    expect(text).toMatch(new RegExp(`^  replica-id +${hostname()}-${process.pid}$`, 'm'));
    expect(text).toMatch(/^ {2}ui-dir +(\/\S+ui\/dist|not built \(.*\))$/m);
    const api = /native ingest {4}POST (http:\/\/127\.0\.0\.1:\d+)\/events/.exec(text)?.[1];
    expect(api).toBeDefined();
    const res = await fetch(`${api}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-raceway-key': 'second-secret' },
      body: '{"events":[]}',
    });
    expect(await res.json()).toEqual({ success: true, data: 'Ingested 0 events', error: null });
    h.stop('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('says the gRPC receiver did not start when its port is taken, instead of "off"', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const h = harness({ RACEWAY_LOG_LEVEL: 'silent' });
    const exit = h.run([
      'serve',
      '--port',
      '0',
      '--no-otlp-http',
      '--otlp-grpc-port',
      String(port),
    ]);
    await h.running;
    expect(h.out.join('\n')).toContain('OTLP/gRPC        NOT STARTED: see the error logged below');
    h.stop('SIGTERM');
    expect(await exit).toBe(0);
    taken.close();
  });
});
