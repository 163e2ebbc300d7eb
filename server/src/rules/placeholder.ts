// Text: template text or blanks left in: （文字描述）, XX/××/X件, or a run of spaces where a number
// belongs before a measure word (“累计主动公开政府信息  余条”, “申请   件”, “办结率  %”).
import type { RawFinding, Rule } from './types';
import { L } from './util';
import { bodyParagraphs, foldedText, paraSpan } from './prose';

const TEMPLATE_TEXT = /[(（]文字描述[^)）]{0,40}[)）]/g;
const XX = /(?<![A-Za-z])(?:XX|xx|××|X|×)(?=\s*(?:件|条|个|项|次|人|家|份|万元|元|%|年|月|日))/g;
// a Han character (or digit-less word end), two or more spaces, then an optional 余/多 and a measure word
const GAP = /([\u4e00-\u9fff])( {2,})(?=(?:余|多)?(?:件|条|个|项|次|人次|人|家|份|%))/g;

export const rule: Rule = {
  meta: {
    code: 'placeholder',
    defaultSeverity: 'warning',
    category: 'text',
    description: { 'zh-CN': '正文中残留模板说明或未填写的数字空位（如“（文字描述）”“XX件”“累计公开信息  余条”）。', en: 'Template text or an unfilled number left in the text (（文字描述）, XX件, “  余条”).' },
  },
  check({ model }) {
    const out: RawFinding[] = [];
    for (const p of bodyParagraphs(model)) {
      const f = foldedText(p);
      // cheap pre-checks: the regexes below would otherwise be tried at every character
      const hasTemplate = f.includes('文字描述');
      const hasX = f.includes('X') || f.includes('x') || f.includes('×');
      for (const re of [TEMPLATE_TEXT, XX]) {
        if (re === TEMPLATE_TEXT ? !hasTemplate : !hasX) continue;
        re.lastIndex = 0;
        for (let m = re.exec(f); m; m = re.exec(f)) {
          out.push({
            code: 'placeholder',
            span: paraSpan(p, m.index, m.index + m[0].length),
            message: L(`残留模板占位内容“${p.text.slice(m.index, m.index + m[0].length)}”，请填写实际内容。`, `Template placeholder “${p.text.slice(m.index, m.index + m[0].length)}” left in; fill in the actual content.`),
            data: { text: m[0] },
          });
        }
      }
      if (!f.includes('  ')) continue;
      GAP.lastIndex = 0;
      for (let m = GAP.exec(f); m; m = GAP.exec(f)) {
        const start = m.index + m[1]!.length;
        const end = start + m[2]!.length;
        const word = f.slice(end, end + 3).replace(/[，。,.；;].*$/, '');
        out.push({
          code: 'placeholder',
          span: paraSpan(p, start, end),
          message: L(`“${word}”前缺少数字（只有空格），请填写。`, `A number is missing before “${word}” (only spaces); fill it in.`),
          data: { text: m[2] },
        });
      }
    }
    return out;
  },
};
