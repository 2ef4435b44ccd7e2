import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

describe('raceway', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints its version with --version and exits 0', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    expect(await main(['--version'])).toBe(0);
    expect(out.join('')).toBe(`${version}\n`);
  });

  it.each([[['bogus']], [[]], [['serve', '--bogus']], [['traces', '--bogus']]])(
    'exits 2 (usage) for an unknown command or flag, or no command: %j',
    async (argv) => {
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      expect(await main(argv)).toBe(2);
    },
  );
});
