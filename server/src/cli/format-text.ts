// ESLint-style ("stylish") text output: a file line, one aligned line per finding, a summary.
import type { Diagnostic } from '../engine';
import { countSeverities, type FileReport } from './report';

export interface TextStyle {
  color: boolean;
}

const SGR = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
} as const;

type Paint = (text: string, ...styles: (keyof typeof SGR)[]) => string;

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp < 0x370) || cp === 0x200b || cp === 0xfeff) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const SEVERITY_STYLE: Record<Diagnostic['severity'], keyof typeof SGR> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
  hint: 'dim',
};

/** One line per finding: messages are flattened so every finding stays on its own line. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

export function formatText(reports: readonly FileReport[], style: TextStyle): string {
  const paint: Paint = style.color ? (text, ...styles) => styles.map((s) => SGR[s]).join('') + text + SGR.reset : (text) => text;
  const out: string[] = [];
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    out.push(paint(report.file, 'underline'));
    const rows = report.diagnostics.map((d) => ({
      line: String(d.range.start.line + 1),
      column: String(d.range.start.character + 1),
      severity: d.severity,
      message: oneLine(d.message),
      code: d.code,
    }));
    const lineW = Math.max(...rows.map((r) => r.line.length));
    const colW = Math.max(...rows.map((r) => r.column.length));
    const sevW = Math.max(...rows.map((r) => r.severity.length));
    const msgW = Math.max(...rows.map((r) => displayWidth(r.message)));
    for (const r of rows) {
      const pos = paint(`${r.line.padStart(lineW)}:${r.column.padEnd(colW)}`, 'dim');
      const sev = paint(r.severity.padEnd(sevW), SEVERITY_STYLE[r.severity]);
      out.push(`  ${pos}  ${sev}  ${padEnd(r.message, msgW)}  ${paint(r.code, 'dim')}`.trimEnd());
    }
    out.push('');
  }

  const c = countSeverities(reports);
  const total = c.error + c.warning + c.info + c.hint;
  const checked = reports.filter((r) => r.error === undefined).length;
  const failed = reports.length - checked;
  if (total > 0) {
    const summary =
      `✖ ${plural(total, 'problem', 'problems')} ` +
      `(${plural(c.error, 'error', 'errors')}, ${plural(c.warning, 'warning', 'warnings')}, ${c.info} info, ${plural(c.hint, 'hint', 'hints')})`;
    out.push(paint(summary, 'bold', c.error > 0 ? 'red' : c.warning > 0 ? 'yellow' : 'blue'));
  } else {
    out.push(paint(`✔ no problems (${plural(checked, 'file', 'files')} checked)`, 'bold', 'green'));
  }
  const fixed = reports.filter((r) => r.fixed).length;
  if (fixed > 0) out.push(`${plural(fixed, 'file', 'files')} fixed`);
  if (failed > 0) out.push(paint(`✖ ${plural(failed, 'file', 'files')} could not be checked`, 'bold', 'red'));
  return out.join('\n') + '\n';
}
