// The benchmark inputs: the seed reports, reports grown to a size with real tables and long
// narrative, and a corpus of 1,000 varied reports for the CLI throughput run.
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { prng } from './stats.mjs';
import { REPO } from './build.mjs';

export const SEEDS_DIR = join(REPO, 'test/fixtures/seeds');

export function seeds() {
  return readdirSync(SEEDS_DIR)
    // the seed reports themselves (NNN_<hash>.txt), not derived files kept beside them
    .filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
}

/** The seed every generated report starts from: a 2021-format report with all tables filled in. */
export const GROW_BASE = '002_1c75c2c4e67cd3d7.txt';

/**
 * A report of `targetBytes` (UTF-8): seed 002 with the narrative of section 一 (its paragraphs between
 * the heading and 二) repeated until the size is reached. The tables stay real and complete, so every
 * stage of the engine (scan, bind, relations, rules, prose checks) has its full work to do.
 */
export function grow(text, targetBytes) {
  const start = text.indexOf('一、总体情况');
  const end = text.indexOf('二、主动公开政府信息情况');
  const narrative = text.slice(text.indexOf('\n', start) + 1, end);
  const unit = Buffer.byteLength(narrative);
  const have = Buffer.byteLength(text);
  const copies = Math.max(0, Math.ceil((targetBytes - have) / unit));
  return text.slice(0, end) + narrative.repeat(copies) + text.slice(end);
}

/**
 * Variations of a seed for the CLI corpus, all deterministic from `rand`: changed table digits,
 * another year, a duplicated paragraph, CRLF line endings, and other encodings (UTF-8 with BOM,
 * GB18030, UTF-16LE) — the mix a folder of downloaded reports has.
 */
export function vary(text, rand) {
  const lines = text.split('\n');
  // change a few digits in table lines (lines that contain a tab or a pipe and digits)
  const tableLines = lines.map((l, i) => (/[\t|]/.test(l) && /\d/.test(l) ? i : -1)).filter((i) => i >= 0);
  for (let k = 0, n = Math.floor(rand() * 4); k < n && tableLines.length; k++) {
    const i = tableLines[Math.floor(rand() * tableLines.length)];
    const digits = [...lines[i].matchAll(/\d/g)];
    const d = digits[Math.floor(rand() * digits.length)];
    lines[i] = lines[i].slice(0, d.index) + String(Math.floor(rand() * 10)) + lines[i].slice(d.index + 1);
  }
  // duplicate a long prose line now and then
  if (rand() < 0.3) {
    const prose = lines.map((l, i) => (l.length > 60 && !/[\t|]/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (prose.length) {
      const i = prose[Math.floor(rand() * prose.length)];
      lines.splice(i + 1, 0, lines[i]);
    }
  }
  let out = lines.join('\n');
  // another year in the title (a 2019-format report dated 2022 gets template-mismatch, as in real life)
  if (rand() < 0.2) out = out.replace(/20(19|2\d)年/, () => `20${19 + Math.floor(rand() * 6)}年`);
  if (rand() < 0.25) out = out.replace(/\n/g, '\r\n');
  const r = rand();
  if (r < 0.1) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(out, 'utf8')]);
  if (r < 0.2) return iconv.encode(out, 'gb18030');
  if (r < 0.25) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(out, 'utf16le')]);
  return Buffer.from(out, 'utf8');
}

/** Writes `count` varied reports into `dir`, 100 per sub-folder; returns the total size in bytes. */
export function writeCorpus(dir, count = 1000, seed = 20240601) {
  const rand = prng(seed);
  const base = seeds();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const s = base[i % base.length];
    const data = vary(s.text, rand);
    writeFileSync(join(sub, `${String(i).padStart(4, '0')}_${s.name}`), data);
    bytes += data.length;
  }
  return bytes;
}
