// Reading a cell: blank, number (exact decimal, maybe with a unit written in the cell), a broken value,
// or label text. Blank markers come from TEMPLATE-SPEC.md §8 (BLANK).
import Big from 'big.js';
import type { CellValue } from '../model/types';

export type FieldClass = CellValue | { kind: 'label' };

const BLANK_MARKERS = new Set(['', '-', '—', '－', '–', '/', '／', '无', '—-', '--', '——', '\\', '、']);
const UNITS = ['万元', '万', '元', '件', '条', '个', '项', '次', '宗', '起'];

const FOLDABLE = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u2212]/;

/** Folds full-width ASCII and odd spaces/minus signs to ASCII, keeping the length unchanged. */
export function fold(s: string): string {
  if (!FOLDABLE.test(s)) return s;
  // copy the runs between foldable characters whole (Chinese prose folds its ，：（） every few characters)
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let to: string;
    if (c >= 0xff01 && c <= 0xff5e) to = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009) to = ' ';
    else if (c === 0x2212) to = '-';
    else continue;
    out += s.slice(run, i) + to;
    run = i + 1;
  }
  return out + s.slice(run);
}

/** A paragraph's text folded once and cached on it (paragraphs are read by several rules). */
export function foldedText(p: { text: string; folded?: string }): string {
  return (p.folded ??= fold(p.text));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Parses `[+-]digits[.digits]` without regexes; returns the canonical text or null. */
function numberText(s: string): string | null {
  let i = 0;
  if (s[0] === '+' || s[0] === '-') i = 1;
  let digits = 0;
  let dot = false;
  let fracDigits = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
      if (dot) fracDigits++;
    } else if (c === 46 && !dot && digits > 0) dot = true;
    else if (c === 44 && !dot) continue; // thousands separator
    else return null;
  }
  if (digits === 0 || (dot && fracDigits === 0)) return null;
  const t = s.replace(/,/g, '').replace(/^\+/, '');
  return t;
}

/**
 * Field classes by raw text. Report cells repeat heavily (0, 1, —, the same labels in every report),
 * so classifying each distinct text once per process saves most of the work. The classes are never
 * mutated (cells share them read-only); the memo is bounded and simply starts over when full.
 */
const memo = new Map<string, FieldClass>();
const MEMO_LIMIT = 20_000;
const MEMO_MAX_KEY = 128;

export function classifyField(raw: string): FieldClass {
  if (raw.length > MEMO_MAX_KEY) return classify(raw);
  let c = memo.get(raw);
  if (c === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    c = classify(raw);
    memo.set(raw, c);
  }
  return c;
}

function classify(raw: string): FieldClass {
  const f = fold(raw).replace(/[\s\u200b\ufeff]+/g, '');
  if (BLANK_MARKERS.has(f)) return { kind: 'blank', marker: raw.trim() };
  const n = numberText(f);
  if (n !== null) return { kind: 'number', value: new Big(n), text: n };
  for (const u of UNITS) {
    if (f.length > u.length && f.endsWith(u)) {
      const m = numberText(f.slice(0, -u.length));
      if (m !== null) return { kind: 'number', value: new Big(m), text: m, unit: u };
    }
  }
  // An enumerated label ("3.其他", "1、重复申请") is a label, even when short.
  if (f.length > 2 && isDigit(f.charCodeAt(0)) && /^\d{1,2}[.、]\D/.test(f)) return { kind: 'label' };
  // Text with digits and hardly any Han characters is a broken value (约20, 20余, 1.2.3); otherwise a label.
  let hasDigit = false;
  let han = 0;
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (isDigit(c)) hasDigit = true;
    else if (c >= 0x3400 && c <= 0x9fff) han++;
  }
  if (hasDigit && han <= 2 && f.length <= 16) return { kind: 'invalid', text: raw.trim() };
  return { kind: 'label' };
}

export function isValueLike(c: FieldClass): boolean {
  return c.kind === 'number' || c.kind === 'invalid';
}
