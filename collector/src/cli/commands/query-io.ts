/** Where a query subcommand reads its environment and writes its results; injected by tests. */
export interface QueryIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  setExitCode(code: number): void;
  fetch?: typeof fetch;
}

/** The real process: stdout, stderr and the environment. */
export function processIo(setExitCode: (code: number) => void): QueryIo {
  // `raceway traces | head`: the reader went away; that is not an error of ours. Installed on the first
  // write, so only a query command that prints is affected (never `serve`).
  let guarded = false;
  const guard = (): void => {
    if (guarded) return;
    guarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      process.stderr.write(`raceway: cannot write output: ${err.message}\n`);
      process.exit(1);
    });
  };
  return {
    stdout: (text) => {
      guard();
      process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    setExitCode,
  };
}
