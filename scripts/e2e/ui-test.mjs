// A UI-level test of the packaged extension, as a person uses it: the .vsix is installed into a fresh
// code-server with `--install-extension`, the seed reports are copied into a workspace folder, and
// Chromium (playwright-core) clicks through the workbench: opens each report from the Explorer, finds
// the expected codes in the Problems panel and their squiggles in the editor, hovers a row label and a
// total, fills in all totals from the quick-fix menu and sees the problem count fall, opens the
// outline. Every wait is on UI state (locators, waitForFunction), never a fixed sleep.
//
//   node scripts/e2e/ui-test.mjs [--vsix file.vsix] [--update-screenshots]
//
// Without --vsix it packages the extension first (npm run package). Screenshots go to a temporary
// folder ($TMPDIR/nianbao-lint-ui-screenshots, printed at the end); --update-screenshots writes the README's pictures into docs/images/.
// Prints one line per check, then `N passed, N failed`; exits 1 when a check fails.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanupAll, installExtension, launchChromium, startCodeServer, tempDir, workbenchUrl } from './code-server.mjs';
import { ensureTools, VERSIONS } from './tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const UPDATE_SCREENSHOTS = args.includes('--update-screenshots');
const SEEDS = join(root, 'test', 'fixtures', 'seeds');
const TIMEOUT = 30_000;

/**
 * What each seed must show (test/fixtures/seeds/EXPECTED.md): codes with the severity of their
 * Problems row and squiggle. `clean` seeds must show no error or warning at all.
 */
const EXPECT = {
  '000': { codes: [['total-blank', 'error'], ['cell-unit', 'info']] },
  '001': { codes: [['section-missing', 'error'], ['placeholder', 'warning']] },
  '002': { codes: [['section-heading-variant', 'info']], clean: true },
  '003': { codes: [['cell-blank', 'warning'], ['section-empty', 'warning']] },
  '004': { codes: [['year-missing', 'warning'], ['cell-blank', 'warning']] },
};

const results = [];
let page;
let shotDir;

function say(line) {
  process.stdout.write(`${line}\n`);
}

let failedInARow = 0;
const MAX_FAILED_IN_A_ROW = 5;

/**
 * Runs one named check; a failure is recorded (with a screenshot) and the run goes on, unless
 * MAX_FAILED_IN_A_ROW checks failed one after the other (the workbench is then likely broken, and each
 * further check would only wait out its timeout): then the run stops.
 */
async function check(name, fn) {
  const t0 = Date.now();
  if (failedInARow >= MAX_FAILED_IN_A_ROW) throw new Error(`${MAX_FAILED_IN_A_ROW} checks failed in a row; stopping before "${name}"`);
  try {
    await fn();
    failedInARow = 0;
    results.push({ name, ok: true });
    say(`  ✔ ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failedInARow++;
    results.push({ name, ok: false });
    const file = join(shotDir, `failed-${results.length}.png`);
    await page?.screenshot({ path: file }).catch(() => {});
    if (page) writeFileSync(file.replace(/\.png$/, '.html'), await page.content().catch(() => ''));
    say(`  ✘ ${name}\n      ${String(err?.message ?? err).split('\n').slice(0, 6).join('\n      ')}\n      screenshot: ${file}`);
  }
}

function packageVsix() {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const vsix = join(root, `nianbao-lint-${version}.vsix`);
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (exit ${r.status ?? r.signal})`);
  return vsix;
}

// ---------------------------------------------------------------------------------------------
// Workbench helpers (all waits are on UI state)

const explorerRow = (name) => page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: name }) });
const activeTab = () => page.locator('.tabs-container .tab.active');
const problemsPanel = () => page.locator('.markers-panel');
const problemsFilter = () => page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
const markerRows = () => problemsPanel().locator('.monaco-list-row[aria-level="2"]');
const fileRows = () => problemsPanel().locator('.monaco-list-row[aria-level="1"]');
const markerRow = (code) => markerRows().filter({ has: page.locator('.marker-code', { hasText: new RegExp(`^${code}$`) }) });

/** The status bar's problem counts, e.g. { error: 1, warning: 0, info: 1 } (from its aria-label). */
async function statusCounts() {
  const label = (await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
  const n = (re) => Number(label.match(re)?.[1] ?? 0);
  return { error: n(/Errors: (\d+)/), warning: n(/Warnings: (\d+)/), info: n(/Infos: (\d+)/), label };
}

async function waitForStatus(test, what) {
  await page.waitForFunction(
    ({ src }) => {
      const label = document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') ?? '';
      const n = (re) => Number(label.match(re)?.[1] ?? 0);
      // eslint-disable-next-line no-new-func
      return new Function('c', `return (${src})(c)`)({ error: n(/Errors: (\d+)/), warning: n(/Warnings: (\d+)/), info: n(/Infos: (\d+)/) });
    },
    { src: test.toString() },
    { timeout: TIMEOUT },
  ).catch(async () => {
    throw new Error(`status bar never showed ${what} (it says "${(await statusCounts()).label}")`);
  });
}

/**
 * Types a rule code into the Problems filter and waits until the list is filtered: every problem row
 * shown has that code. With '' it clears the filter and waits for the "Showing n of m" badge to go.
 */
async function filterProblems(code) {
  await problemsFilter().fill(code);
  if (!code) {
    await page.locator('.panel .viewpane-filter-badge').first().waitFor({ state: 'hidden' });
    return;
  }
  const filtered = (c) => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row[aria-level="2"]')];
    return rows.length > 0 && rows.every((r) => r.querySelector('.marker-code')?.textContent?.trim() === c);
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await page.waitForFunction(filtered, code, { timeout: 10_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await problemsFilter().fill(''); // typed while the panel was still being laid out: type again
      await problemsFilter().fill(code);
    }
  }
}

/**
 * Clicks a Problems row's message (not its code: that links to the rule's page) and waits until the
 * editor's cursor is on the problem's line (status bar "Ln n,"). The list re-renders while diagnostics
 * arrive, so a click that landed on a row being replaced is repeated (at most 3 times).
 */
async function revealProblem(row) {
  const line = (await row.locator('.marker-line').textContent())?.match(/Ln (\d+)/)?.[1];
  if (!line) throw new Error('the Problems row shows no line');
  const cursor = page.locator('[id="status.editor.selection"]', { hasText: new RegExp(`Ln ${line},`) });
  for (let attempt = 1; ; attempt++) {
    await row.locator('.marker-message').click();
    try {
      await cursor.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

async function openProblems() {
  if (await problemsPanel().isVisible()) return;
  await page.locator('[id="status.problems"]').click();
  await problemsPanel().waitFor({ state: 'visible' });
}

async function openFromExplorer(name) {
  await explorerRow(name).click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.monaco-editor .view-lines .view-line').first().waitFor();
}

async function closeActiveEditor(name) {
  const tab = page.locator('.tabs-container .tab', { hasText: name });
  await tab.hover();
  await tab.locator('.tab-actions .action-label').click();
  await tab.waitFor({ state: 'detached' });
}

/** Puts the cursor on a 1-based line with Go to Line (Ctrl+G), which also scrolls it into view. */
async function goToLine(line) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.waitForFunction((l) => document.querySelector('.monaco-editor .active-line-number')?.textContent?.trim() === String(l), line, { timeout: TIMEOUT }).catch(async () => {
    // the current-line number highlight is only shown while the editor has focus
    await page.locator(`.monaco-editor .line-numbers.active-line-number`, { hasText: String(line) }).waitFor();
  });
}

/** Screen rectangle of the `nth` occurrence (0-based; -1 = last) of `needle` in the rendered line that contains `lineText`. */
async function textRect(lineText, needle, nth = 0) {
  await page.locator('.monaco-editor .view-line', { hasText: lineText }).first().waitFor();
  const r = await page.evaluate(
    ({ lineText, needle, nth }) => {
      const norm = (s) => s.replace(/\u00a0/g, ' ');
      const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => norm(l.textContent).includes(lineText));
      if (!line) return null;
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const full = norm(nodes.map((n) => n.textContent).join(''));
      const hits = [];
      for (let i = full.indexOf(needle); i >= 0; i = full.indexOf(needle, i + 1)) hits.push(i);
      const start = nth < 0 ? hits[hits.length + nth] : hits[nth];
      if (start === undefined) return null;
      const at = (offset) => {
        let acc = 0;
        for (const n of nodes) {
          if (offset <= acc + n.textContent.length) return [n, offset - acc];
          acc += n.textContent.length;
        }
        return null;
      };
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + needle.length));
      const b = range.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    },
    { lineText, needle, nth },
  );
  if (!r) throw new Error(`"${needle}" is not rendered on the line with "${lineText}"`);
  return r;
}

/** Hovers the middle of `needle` and returns the hover widget once it shows `expect`. */
async function hoverText(lineText, needle, expect, nth = 0) {
  await page.mouse.move(5, 5); // away first, so a previous hover closes
  await page.locator('.monaco-editor .monaco-hover:visible').waitFor({ state: 'hidden' }).catch(() => {});
  const r = await textRect(lineText, needle, nth);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 4 });
  const hover = page.locator('.monaco-hover:visible', { hasText: expect });
  await hover.first().waitFor({ state: 'visible' });
  return hover.first();
}

/** A screenshot of the union of the given boxes (plus padding), clipped to the viewport. */
async function shoot(file, boxes, pad = 16) {
  const vp = page.viewportSize();
  const editor = await page.locator('.part.editor .monaco-editor').first().boundingBox();
  const x0 = Math.max(0, Math.min(editor?.x ?? Infinity, ...boxes.map((b) => b.x - pad)));
  const y0 = Math.max(editor?.y ?? 0, Math.min(...boxes.map((b) => b.y)) - pad);
  const x1 = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const y1 = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  await page.screenshot({ path: file, clip: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
}

// ---------------------------------------------------------------------------------------------

async function checkSeed(file) {
  const id = file.slice(0, 3);
  const exp = EXPECT[id];
  await check(`${id}: opens from the Explorer`, () => openFromExplorer(file));
  await openProblems();
  for (const [code, severity] of exp?.codes ?? []) {
    await check(`${id}: Problems lists ${code} (${severity}); clicking it shows the squiggle`, async () => {
      await filterProblems(code);
      const row = markerRow(code).first();
      await row.waitFor();
      const sev = await row.locator('.marker-icon').getAttribute('class');
      if (!sev?.split(/\s+/).includes(severity)) throw new Error(`${code} is shown as "${sev}", not ${severity}`);
      await revealProblem(row);
      await page.locator(`.monaco-editor .view-overlays .squiggly-${severity}`).first().waitFor({ state: 'visible' });
    });
  }
  await filterProblems('');
  if (exp?.clean) {
    await check(`${id}: no error or warning (status bar)`, async () => {
      await waitForStatus((c) => c.info > 0, 'the report checked');
      const c = await statusCounts();
      if (c.error || c.warning) throw new Error(`the clean report shows ${c.label}`);
      if ((await fileRows().count()) !== 1) throw new Error('problems of other files are listed');
    });
  }
  return id;
}

async function main() {
  const t0 = Date.now();
  const vsix = argValue('--vsix') ? resolve(argValue('--vsix')) : packageVsix();
  const tools = ensureTools();
  const base = tempDir('nianbao-ui-');
  shotDir = UPDATE_SCREENSHOTS ? join(root, 'docs', 'images') : join(tmpdir(), 'nianbao-lint-ui-screenshots');
  if (!UPDATE_SCREENSHOTS) rmSync(shotDir, { recursive: true, force: true });
  mkdirSync(shotDir, { recursive: true });

  say(`UI test of ${vsix.slice(root.length + 1) || vsix} in code-server ${VERSIONS.codeServer}`);
  const exts = join(base, 'exts');
  mkdirSync(exts);
  await check('the .vsix installs with code-server --install-extension', async () => {
    installExtension(tools, { vsix, extensionsDir: exts, userDataDir: join(base, 'install-udd'), configDir: base });
    if (!readdirSync(exts).some((d) => d.startsWith('nianbao-lint.nianbao-lint-'))) throw new Error(`nothing installed in ${exts}`);
  });

  const ws = join(base, 'reports');
  mkdirSync(ws);
  const seeds = readdirSync(SEEDS).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).sort();
  for (const f of seeds) copyFileSync(join(SEEDS, f), join(ws, f));

  const server = await startCodeServer(tools, {
    extensionsDir: exts,
    userSettings: {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'telemetry.telemetryLevel': 'off',
      'workbench.colorTheme': 'Default Light Modern',
      'editor.minimap.enabled': false,
      'editor.stickyScroll.enabled': false,
      'editor.wordWrap': 'on',
      'editor.hover.above': false,
      'workbench.editor.enablePreview': false,
      'editor.fontFamily': "'DejaVu Sans Mono', 'WenQuanYi Micro Hei Mono', 'WenQuanYi Micro Hei', monospace",
      'nianbao.language': 'zh-CN',
    },
  });
  const browser = await launchChromium(tools);
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(workbenchUrl(server, { folder: ws }));
  await check('the workbench shows the reports in the Explorer', async () => {
    await explorerRow(seeds[0]).waitFor({ timeout: 90_000 });
  });

  // Each seed except 000: open, check, close (000 is the last: the full walk-through).
  for (const f of seeds.filter((s) => !s.startsWith('000'))) {
    const id = await checkSeed(f);
    if (id === '001') {
      await check('screenshot: Problems panel', async () => {
        await markerRow('section-missing').first().waitFor();
        await revealProblem(markerRow('placeholder').first());
        await page.locator('.monaco-editor .view-overlays .squiggly-warning').first().waitFor({ state: 'visible' });
        await page.mouse.move(700, 5);
        await page.screenshot({ path: join(shotDir, 'problems.png') });
      });
    }
    if (id === '004') {
      await check('004: the code in a Problems row opens the rule\'s page (docs/rules/year-missing.md)', async () => {
        await filterProblems('year-missing');
        await markerRow('year-missing').first().locator('.marker-code').click();
        await page.locator('.tabs-container .tab.active', { hasText: 'year-missing.md' }).waitFor();
        await page.locator('.monaco-editor .view-line', { hasText: '标题中没有写明报告年度' }).first().waitFor();
        await closeActiveEditor('year-missing.md');
        await filterProblems('');
      });
    }
    await check(`${id}: closing the report clears its problems`, async () => {
      await closeActiveEditor(f);
      await fileRows().filter({ hasText: f }).waitFor({ state: 'detached' });
    });
  }

  const f000 = seeds.find((s) => s.startsWith('000'));
  if (f000) {
    await checkSeed(f000);
    await check('000: hover on a row label names the row and its legal basis', async () => {
      // the Problems panel is toggled off to give the editor (and so the hover) the full height
      await page.locator('[id="status.problems"]').click();
      await problemsPanel().waitFor({ state: 'hidden' });
      await goToLine(40);
      await hoverText('一、本年新收', '本年新收', '条例');
    });
    await check('000: hover on a total shows its derivation', async () => {
      const hover = await hoverText('一、本年新收', '12', '= ', -1);
      const box = await hover.boundingBox();
      const line = await textRect('一、本年新收', '一、本年新收');
      await shoot(join(shotDir, 'hover.png'), [box, { ...line, width: 760 }], 24);
    });
    let before;
    await check('000: the quick-fix menu on the blank total offers 填写全部合计', async () => {
      await page.mouse.move(5, 5);
      before = await statusCounts();
      if (before.error < 1) throw new Error(`expected an error before fix-all, the status bar says "${before.label}"`);
      await goToLine(64);
      // Ctrl+. on the blank total; repeated if the first press came before the editor had the focus
      const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
          await menu.waitFor({ state: 'visible', timeout: 5_000 });
          break;
        } catch (err) {
          if (attempt === 3) throw err;
        }
      }
      await menu.locator('.action-label, .monaco-list-row', { hasText: '填写全部合计' }).first().waitFor();
      const line = await textRect('(七) 总计', '(七) 总计');
      // the menu, and the table rows above the blank total for context
      await shoot(join(shotDir, 'quick-fix.png'), [await menu.boundingBox(), { ...line, y: line.y - 140, height: line.height + 140, width: 760 }], 24);
    });
    await check('000: 填写全部合计 fills the totals and the problem count falls', async () => {
      await page.locator('.action-widget .monaco-list-row', { hasText: '填写全部合计（' }).first().click();
      await waitForStatus((c) => c.error === 0, 'no errors');
      const after = await statusCounts();
      if (after.error + after.warning + after.info >= before.error + before.warning + before.info) {
        throw new Error(`the count did not fall: "${before.label}" → "${after.label}"`);
      }
      await page.locator('.monaco-editor .view-line', { hasText: /\(七\)\s*总计\s+1\s+0\s+0\s+0\s+0\s+11\s+12/ }).waitFor();
      await openProblems();
      await markerRow('cell-unit').waitFor();
      await markerRow('total-blank').waitFor({ state: 'detached' });
    });
    await check('000: the outline lists the sections and tables', async () => {
      const header = page.locator('.pane-header[aria-label^="Outline"]');
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const outline = header.locator('xpath=..').locator('.pane-body');
      await outline.locator('.monaco-list-row').first().waitFor();
      // Collapse All: the sections alone fit in the pane
      await header.hover();
      await header.locator('.action-label[aria-label^="Collapse"]').click();
      await outline.locator('.monaco-list-row', { hasText: '一、总体情况' }).waitFor();
      await outline.locator('.monaco-list-row', { hasText: '三、收到和处理政府信息公开申请情况' }).waitFor();
    });
  }

  await cleanupAll();
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  say(`UI test: screenshots in ${shotDir}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  say(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main().catch(async (err) => {
  say(`UI test could not run: ${err?.stack ?? err}`);
  await cleanupAll();
  const passed = results.filter((r) => r.ok).length;
  say(`${passed} passed, ${Math.max(1, results.length - passed)} failed`);
  process.exit(1);
});
