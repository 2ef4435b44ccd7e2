/**
 * One service of the banking example, configured by environment:
 *   SERVICE=banking-api  POST /transfer {from,to,amount}: read-modify-write of two balances, with a call
 *                        to the ledger in between (the window where concurrent transfers lose updates).
 *   SERVICE=ledger       POST /entries: records the transfer; also sets the transfer's status, which the
 *                        caller wrote just before calling (ordered by the call, so never a race).
 * VARIANT=locked guards each balance with a lock (the fix); VARIANT=racy does not.
 */
import { DiagLogLevel, diag } from '@opentelemetry/api';
import express from 'express';
import { expressMiddleware, startRaceway } from '@raceway/sdk-bridge';

const service = process.env.SERVICE ?? 'banking-api';
const port = Number(process.env.PORT ?? 0);
const locked = process.env.VARIANT === 'locked';
const ledgerUrl = process.env.LEDGER_URL ?? '';

/** Why this service's telemetry did not reach the collector, first reason first. */
const undelivered: string[] = [];
const bridge = startRaceway({ serviceName: service, instanceId: `${service}-1` });
const { raceway } = bridge;
// The OTel SDK reports an export that failed on its timer to the diag logger (the global error handler's
// default), and the last one by rejecting shutdown: both mean spans were lost.
diag.setLogger(
  {
    error: (message) => undelivered.push(errorText(message)),
    warn: () => {},
    info: () => {},
    debug: () => {},
    verbose: () => {},
  },
  DiagLogLevel.ERROR,
);

/** A promise-chained mutex: enough for one process. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private releaseNext: (() => void) | undefined;
  async acquire(): Promise<void> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((r) => (release = r));
    await previous;
    this.releaseNext = release;
  }
  release(): void {
    this.releaseNext?.();
  }
}

const balances = new Map<string, number>([
  ['alice', 1000],
  ['bob', 1000],
]);
const locks = new Map<string, Mutex>();
const lockFor = (account: string): Mutex =>
  locks.get(account) ?? locks.set(account, new Mutex()).get(account)!;
const statuses = new Map<string, string>();

const app = express();
app.use(express.json());
app.use(expressMiddleware(raceway));

app.post('/transfer', async (req, res) => {
  const { id, from, to, amount } = req.body as {
    id: string;
    from: string;
    to: string;
    amount: number;
  };
  const debit = async (): Promise<void> => {
    const before = balances.get(from)!;
    raceway.trackRead(`${from}.balance`, before);
    statuses.set(id, 'pending');
    raceway.trackWrite(`transfer:${id}.status`, undefined, 'pending');
    // The ledger call is the await where another transfer can interleave.
    await raceway.fetch(`${ledgerUrl}/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, from, to, amount }),
    });
    balances.set(from, before - amount);
    raceway.trackWrite(`${from}.balance`, before, before - amount);
  };
  if (locked) await raceway.withLock(lockFor(from), `${from}.lock`, debit);
  else await debit();
  res.json({ id, balance: balances.get(from) });
});

app.post('/entries', async (req, res) => {
  const { id } = req.body as { id: string };
  await new Promise((r) => setTimeout(r, 10));
  raceway.trackWrite(`transfer:${id}.status`, 'pending', 'booked');
  res.json({ id, status: 'booked' });
});

app.get('/balances', (_req, res) => {
  res.json(Object.fromEntries(balances));
});

const server = app.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : port}\n`);
});

process.on('SIGTERM', () => {
  server.close();
  void bridge.shutdown().then(
    () => exitReporting(),
    (err: unknown) => exitReporting(err instanceof Error ? err.message : String(err)),
  );
});

/** The global error handler logs an exception as its JSON: keep its message. */
function errorText(logged: string): string {
  try {
    const parsed = JSON.parse(logged) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : logged;
  } catch {
    return logged;
  }
}

/** Exits 0 when every event reached the collector; otherwise says why on stderr and exits 3. */
function exitReporting(shutdownError?: string): never {
  if (shutdownError !== undefined) undelivered.push(shutdownError);
  // The native transport keeps what it could not send, and counts what its full buffer dropped.
  const { buffered, dropped } = bridge.stats();
  if (buffered > 0) undelivered.push(`${buffered} events still unsent at shutdown`);
  if (dropped > 0) undelivered.push(`${dropped} events dropped while the buffer was full`);
  if (undelivered.length === 0) process.exit(0);
  const { transport, collectorUrl, grpcUrl } = bridge.options;
  const target = transport === 'otlp-grpc' ? grpcUrl : collectorUrl;
  process.stderr.write(`telemetry to ${target} (${transport}) not delivered: ${undelivered[0]}\n`);
  process.exit(3);
}
