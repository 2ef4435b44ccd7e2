// A process whose only work left is `NativeTransport.shutdown()`: it buffers three events for the
// collector at argv[2], shuts the transport down, then prints how many events the collector took.
import { NativeTransport } from '../native-transport.js';
import type { WireEvent } from '../native-event.js';

const transport = new NativeTransport({
  url: process.argv[2]!,
  maxBuffer: 100,
  batchSize: 100,
  flushIntervalMs: 60_000,
  warn: () => {},
});
for (let n = 0; n < 3; n++)
  transport.enqueue({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` } as WireEvent);
await transport.shutdown(5_000);
process.stdout.write(`${transport.sent}\n`);
