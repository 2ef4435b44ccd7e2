import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

/** The vendored protos ship beside `src/` and `dist/` (package `files`), so both find them at run time. */
export const OTLP_PROTO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'opentelemetry');

const FILES = [
  'opentelemetry/proto/collector/trace/v1/trace_service.proto',
  'opentelemetry/proto/collector/logs/v1/logs_service.proto',
];

let cached: protobuf.Root | undefined;

/**
 * The OTLP schema, loaded once by reflection (protobufjs generates its decoders at load time; static code
 * measured no faster, see bench/RESULTS.md). The schema is immutable, so caching it is safe.
 */
export function otlpRoot(): protobuf.Root {
  if (cached) return cached;
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) =>
    isAbsolute(target) ? target : join(OTLP_PROTO_DIR, '..', target);
  root.loadSync(FILES.map((f) => join(OTLP_PROTO_DIR, '..', f)));
  root.resolveAll();
  cached = root;
  return root;
}

export function otlpType(name: string): protobuf.Type {
  return otlpRoot().lookupType(name);
}
