import { ACCESS_TYPES } from '../../model/event.js';

/**
 * Maps `kind` payloads that real SDKs send but the wire format does not define onto defined ones, keeping
 * every field (spec §1.3: the old server failed the whole batch on them):
 * - Go `FunctionReturn{function_name, return_value, file, line}` → `Custom{name:"FunctionReturn", data}`.
 *   Not a FunctionCall: a return is not the start of work, and analyses must not count it as one.
 * - Go `AsyncSpawn{task_id, task_name, spawned_at}` → `AsyncSpawn{task_id, spawned_by, task_name}`, with
 *   `spawned_by` taken from `spawned_at` (Go's call-site location).
 * - `access_type` spelled `read`, `WRITE`, `atomic_rmw`, … (Python, Go and Rust pass user strings through)
 *   → the canonical `Read`, `Write`, `AtomicRMW`.
 * Anything else passes through unchanged.
 */
export function compatKind(name: string, payload: unknown): { name: string; payload: unknown } {
  if (name === 'FunctionReturn') return { name: 'Custom', payload: { name, data: payload } };
  if (!isObject(payload)) return { name, payload };
  if (name === 'AsyncSpawn' && !('spawned_by' in payload) && 'spawned_at' in payload) {
    const spawnedAt = payload['spawned_at'];
    return {
      name,
      payload: { ...payload, spawned_by: typeof spawnedAt === 'string' ? spawnedAt : '' },
    };
  }
  if (name === 'StateChange') {
    const access = payload['access_type'];
    // Most SDKs already send the canonical spelling: skip the normalising regex and copies for it.
    if (typeof access === 'string' && !CANONICAL_ACCESS_TYPES.has(access)) {
      const canonical = ACCESS_TYPE_SPELLINGS.get(access.replace(/[_\s-]/g, '').toLowerCase());
      if (canonical !== undefined && canonical !== access)
        return { name, payload: { ...payload, access_type: canonical } };
    }
  }
  return { name, payload };
}

const CANONICAL_ACCESS_TYPES = new Set<string>(ACCESS_TYPES);

const ACCESS_TYPE_SPELLINGS = new Map([
  ['read', 'Read'],
  ['write', 'Write'],
  ['atomicread', 'AtomicRead'],
  ['atomicwrite', 'AtomicWrite'],
  ['atomicrmw', 'AtomicRMW'],
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
