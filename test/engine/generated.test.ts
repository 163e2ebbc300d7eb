// Generated files must match their sources: the rule pages (from rule metadata) and the
// Traditional → Simplified table (from OpenCC and the characters the templates and rules use).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../server/src/engine';

const repo = join(__dirname, '..', '..');
const run = (script: string) => execFileSync(process.execPath, [join('scripts', script), '--check'], { cwd: repo, encoding: 'utf8', stdio: 'pipe' });

describe('generated files are current', () => {
  it('every rule has a docs page, and the pages match the rules’ metadata', () => {
    for (const r of rules) expect(existsSync(join(repo, 'docs', 'rules', `${r.code}.md`)), r.code).toBe(true);
    expect(() => run('gen-rule-docs.mjs')).not.toThrow();
  });
  it('the Traditional → Simplified table matches OpenCC and the vocabulary', () => {
    expect(() => run('gen-t2s.mjs')).not.toThrow();
  });
});
