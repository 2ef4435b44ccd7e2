import type { ErrorObject } from 'ajv';

/**
 * Turns ajv's first error into a reason that names the field, e.g.
 * `events[3].metadata.process_id: must be a non-negative integer`.
 */
export function schemaReason(
  errors: readonly ErrorObject[] | null | undefined,
  at: string,
): string {
  const error = errors?.[0];
  if (!error) return `${at}: is invalid`;
  const path = at + pointerToPath(error.instancePath);
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${path}.${missing}: is required`;
  }
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  const expect = parent?.['x-expect'];
  return `${path}: ${typeof expect === 'string' ? `must be ${expect}` : (error.message ?? 'is invalid')}`;
}

/** `/metadata/process_id` → `.metadata.process_id`; `/causality_vector/0/1` → `.causality_vector[0][1]`. */
function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  }
  return out;
}
