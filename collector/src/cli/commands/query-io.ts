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
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    setExitCode,
  };
}
