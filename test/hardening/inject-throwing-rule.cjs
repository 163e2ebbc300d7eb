// Test-only preload (node --require, via NODE_OPTIONS) that makes one rule of the language server
// throw, without any test hook in the shipped code: when Node loads server/out/server.js or
// server/out/worker.js, the check function of the rule named by NIANBAO_INJECT_THROWING_RULE gets a
// `throw` as its first statement. Used by lsp-survival.test.ts. Fails loudly if the bundle's shape
// changed so that the rule cannot be found.
'use strict';
const Module = require('node:module');

const code = process.env.NIANBAO_INJECT_THROWING_RULE;
const compile = Module.prototype._compile;

Module.prototype._compile = function (content, filename) {
  if (code && /[\\/]server[\\/]out[\\/](server|worker)\.js$/.test(filename)) content = inject(content, code, filename);
  return compile.call(this, content, filename);
};

function inject(src, rule, filename) {
  const meta = src.search(new RegExp(`code:\\s*"${rule}",`));
  const check = meta < 0 ? -1 : src.indexOf('check(', meta);
  const close = check < 0 ? -1 : src.indexOf(')', check);
  const body = close < 0 ? -1 : src.indexOf('{', close);
  if (body < 0 || body - meta > 2000) throw new Error(`inject-throwing-rule: rule ${rule} not found in ${filename}`);
  return `${src.slice(0, body + 1)}throw new Error("injected failure in ${rule}");${src.slice(body + 1)}`;
}
