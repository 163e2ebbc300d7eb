// The extension manifest agrees with the code: every rule has a setting, every %key% and every
// l10n.t() string has its translations, every command the client registers is contributed, and the
// contributed files exist.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/engine';
import { ClientCommands } from '../../server/src/lsp/protocol';
import { FIX_ALL_KIND } from '../../server/src/lsp/convert';
import { REPO } from './harness';

const read = (p: string) => readFileSync(join(REPO, p), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  main: string;
  l10n: string;
  contributes: {
    languages: { id: string; configuration?: string; extensions: string[]; filenamePatterns: string[] }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: { command: string; title: string }[];
    codeActions: { actions: { kind: string } }[];
    configuration: { properties: Record<string, { properties?: Record<string, unknown>; default?: unknown; enum?: string[] }> };
  };
};
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const nlsZh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
const bundleZh = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;

describe('package.json contributions', () => {
  it('a nianbao.rules entry for every rule code, and the settings the server reads', () => {
    const props = pkg.contributes.configuration.properties;
    expect(Object.keys(props['nianbao.rules']!.properties!).sort()).toEqual(rules.map((r) => r.code).sort());
    expect(props['nianbao.template']!.enum).toEqual(['auto', '2019', '2021']);
    expect(props['nianbao.language']!.enum).toEqual(['auto', 'zh-CN', 'en']);
    expect(props['nianbao.detectReports']!.default).toBe(true);
  });

  it('every %key% has an English and a Chinese text', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) {
      expect(nls[k], k).toBeTruthy();
      expect(nlsZh[k], k).toBeTruthy();
    }
    expect(Object.keys(nlsZh).sort()).toEqual(Object.keys(nls).sort());
  });

  it('every l10n.t() string of the client and the server has a zh-cn translation', () => {
    for (const file of ['client/src/extension.ts', 'server/src/lsp/settings.ts']) {
      const strings = [...read(file).matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!);
      expect(strings.length, file).toBeGreaterThan(0);
      for (const s of strings) expect(bundleZh[s], s).toBeTruthy();
    }
  });

  it('commands, language, grammar and code action kinds line up with the code', () => {
    expect(pkg.contributes.commands.map((c) => c.command).sort()).toEqual(Object.values(ClientCommands).sort());
    const lang = pkg.contributes.languages.find((l) => l.id === 'nianbao')!;
    expect(lang.extensions).toEqual(['.nianbao.txt', '.nianbao.md']);
    expect(lang.filenamePatterns).toEqual(['*年度报告*.txt', '*年报*.txt', '*年度报告*.md']);
    expect(existsSync(join(REPO, lang.configuration!))).toBe(true);
    const grammar = pkg.contributes.grammars[0]!;
    expect(grammar.scopeName).toBe('text.nianbao');
    expect(JSON.parse(read(grammar.path)).scopeName).toBe('text.nianbao');
    expect(pkg.contributes.codeActions[0]!.actions.kind).toBe(FIX_ALL_KIND);
    expect(pkg.main).toBe('./client/out/extension.js');
    expect(existsSync(join(REPO, pkg.l10n, 'bundle.l10n.zh-cn.json'))).toBe(true);
  });

  it('every rule has its documentation page (the diagnostics link to it)', () => {
    for (const r of rules) expect(existsSync(join(REPO, 'docs/rules', `${r.code}.md`)), r.code).toBe(true);
  });
});
