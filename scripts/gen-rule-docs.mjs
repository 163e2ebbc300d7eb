// Generates docs/rules/<code>.md for every rule from its metadata (the engine bundle), plus
// docs/rules/README.md, the index. `--check` exits 1 if any page is missing or stale (used by tests).
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const engine = require('../server/out/engine.js');
const check = process.argv.includes('--check');
const dir = 'docs/rules';
mkdirSync(dir, { recursive: true });

const sev = { error: '错误 / error', warning: '警告 / warning', info: '信息 / info', hint: '提示 / hint' };
const extra = (code) => {
  const p = join('docs/rules-src', `${code}.md`);
  return existsSync(p) ? `\n${readFileSync(p, 'utf8').trim()}\n` : '';
};
let stale = [];
const write = (file, text) => {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (old === text) return;
  if (check) stale.push(file);
  else writeFileSync(file, text);
};
for (const r of engine.rules) {
  const fixAll = r.fixAllOrder !== undefined ? '是 / yes' : '否 / no';
  write(
    join(dir, `${r.code}.md`),
    `# \`${r.code}\`\n\n` +
      `${r.description['zh-CN']}\n\n${r.description.en}\n\n` +
      `| | |\n|---|---|\n| 默认级别 / default severity | ${sev[r.defaultSeverity]} |\n| 类别 / category | ${r.category} |\n| 全部修复 / included in fix-all | ${fixAll} |\n` +
      extra(r.code) +
      `\n配置 / configure: \`.nianbaorc.json\` → \`{"rules": {"${r.code}": "off"}}\`, or \`nianbao-lint --rule ${r.code}=off\`.\n`,
  );
}
write(
  join(dir, 'README.md'),
  `# 规则 / Rules\n\nGenerated from the rules' metadata by \`scripts/gen-rule-docs.mjs\`.\n\n| code | default | 说明 | description |\n|---|---|---|---|\n` +
    engine.rules.map((r) => `| [\`${r.code}\`](${r.code}.md) | ${r.defaultSeverity} | ${r.description['zh-CN']} | ${r.description.en} |`).join('\n') +
    '\n',
);
if (check && stale.length) {
  console.error(`stale rule docs (run npm run docs): ${stale.join(', ')}`);
  process.exit(1);
}
