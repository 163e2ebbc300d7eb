// Test helpers: read fixtures, edit single lines of a seed, list findings compactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../server/src/core/types';

export const seedsDir = join(__dirname, '..', 'fixtures', 'seeds');

export function seed(name: string): string {
  return readFileSync(join(seedsDir, name), 'utf8');
}

export const SEED = {
  s000: '000_27ba472c7186d65d.txt',
  s001: '001_b2d2c71bcc05c0a2.txt',
  s002: '002_1c75c2c4e67cd3d7.txt',
  s003: '003_d11106ab72934bbf.txt',
  s004: '004_cbd4f0ffc4ed64f1.txt',
} as const;

/** Replaces the 1-based line `n` of `text` using `f`. */
export function editLine(text: string, n: number, f: (line: string) => string): string {
  const lines = text.split('\n');
  lines[n - 1] = f(lines[n - 1]!);
  return lines.join('\n');
}

/** Sets the k-th (0-based) tab field of 1-based line n. */
export function setField(text: string, n: number, k: number, value: string): string {
  return editLine(text, n, (l) => {
    const f = l.split('\t');
    f[k] = value;
    return f.join('\t');
  });
}

/** `code@line` (1-based) for every finding at or above `min` severity. */
export function codes(diags: Diagnostic[], min: 'hint' | 'info' | 'warning' | 'error' = 'info'): string[] {
  const rank = { hint: 0, info: 1, warning: 2, error: 3 };
  return diags.filter((d) => rank[d.severity] >= rank[min]).map((d) => `${d.code}@${d.range.start.line + 1}`);
}
