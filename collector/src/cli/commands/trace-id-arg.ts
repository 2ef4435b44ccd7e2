import { CommanderError } from 'commander';
import { canonicalUuid, traceUuid } from '../../ingest/native/trace-id.js';
import { ExitCode } from './exit-codes.js';

/**
 * A trace id from the command line as the collector stores it (a lower-case hyphenated UUID; upper-case
 * and unhyphenated forms are accepted), or a usage error naming the value. A trace an SDK sent with a
 * non-UUID id (Go's `WithTraceID(ctx, "trace-123")`) is stored under a name-based UUID: the message gives
 * that UUID, which is what to ask for.
 */
export function traceIdArg(text: string): string {
  const id = canonicalUuid(text.trim());
  if (id !== undefined) return id;
  throw new CommanderError(
    ExitCode.usage,
    'raceway.invalidTraceId',
    `invalid trace id "${text}": expected a UUID such as e2e11ee4-f631-4342-a791-259ec142da3d` +
      ` (a trace an SDK sent with the id "${text}" is stored as ${traceUuid(text).id})`,
  );
}
