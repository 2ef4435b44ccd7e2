import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployDir } from './manifests.js';

// Helm reads numbers in values files as floats and prints a float of a million or more in exponent form
// (`quote` of 1000000 is "1e+06"), which the collector refuses as an integer or a size. So every integer
// value that may reach a million must go through `int` before it is written.

const chartDir = join(deployDir, 'helm/raceway');

/** Names of the schema's integer properties that may be a million or more. */
function largeIntegers(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node !== 'object' || node === null) return found;
  const props = (node as { properties?: Record<string, unknown> }).properties ?? {};
  for (const [name, prop] of Object.entries(props)) {
    const p = prop as { type?: unknown; maximum?: number };
    if (p.type === 'integer' && (p.maximum === undefined || p.maximum >= 1_000_000))
      found.add(name);
  }
  for (const child of Object.values(node)) largeIntegers(child, found);
  return found;
}

const schema: unknown = JSON.parse(readFileSync(join(chartDir, 'values.schema.json'), 'utf8'));
const integers = largeIntegers(schema);

describe('Helm chart: integer values', () => {
  it('the schema has large integer values to check', () => {
    expect([...integers]).toEqual(expect.arrayContaining(['maxTraces', 'maxBytes', 'prefetch']));
  });

  it('writes each through int, never as a float', () => {
    const unconverted: string[] = [];
    for (const t of readdirSync(join(chartDir, 'templates'))) {
      const text = readFileSync(join(chartDir, 'templates', t), 'utf8');
      for (const [expr, path] of text.matchAll(/\{\{-?\s*(\.[A-Za-z0-9_.]+)\s*\|[^}]*\}\}/g)) {
        const name = path!.split('.').pop()!;
        if (integers.has(name) && !/\|\s*int\b/.test(expr)) unconverted.push(`${t}: ${expr}`);
      }
    }
    expect(unconverted).toEqual([]);
  });
});
