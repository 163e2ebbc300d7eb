// Text: web-page chrome copied along with the report. The fix deletes just that text (and its line
// when the line holds nothing else).
import type { RawFinding, Rule } from './types';
import { L } from './util';
import { foldedText, paraSpan } from './prose';

const CHROME = /扫一扫在手机(?:上)?打开当前页(?:面)?|【?打印本页】?|【?关闭窗口】?|【打印】|【关闭】|分享到[:：]?|当前位置[:：][^\n]{0,80}|字号[:：]\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?|浏览次数[:：]\s*\d*|访问量[:：]\s*\d*/g;

export const rule: Rule = {
  meta: {
    code: 'web-residue',
    defaultSeverity: 'hint',
    category: 'text',
    description: { 'zh-CN': '文本中残留网页元素（如“扫一扫在手机打开当前页面”“打印本页”“当前位置：…”）。', en: 'Web-page chrome left in the text (扫一扫在手机打开当前页面, 打印本页, 当前位置：…).' },
  },
  check({ model }) {
    const out: RawFinding[] = [];
    const text = model.text;
    for (const p of model.paragraphs) {
      // page chrome is short lines, never inside narrative paragraphs
      if (p.text.length > 300) continue;
      const f = foldedText(p);
      CHROME.lastIndex = 0;
      for (let m = CHROME.exec(f); m; m = CHROME.exec(f)) {
        const span = paraSpan(p, m.index, m.index + m[0].length);
        let del = span;
        // the whole line is chrome: take its line break too (never a line that holds anything else)
        if (model.layout === 'text' && f.trim() === m[0].trim()) {
          const ls = text.lastIndexOf('\n', p.span.start - 1) + 1;
          let le = text.indexOf('\n', p.span.end);
          le = le < 0 ? text.length : le + 1;
          if (text.slice(ls, p.span.start).trim() === '' && text.slice(p.span.end, le).trim() === '') del = { start: ls, end: le };
        }
        out.push({
          code: 'web-residue',
          span,
          message: L(`网页残留内容“${p.text.slice(m.index, m.index + m[0].length)}”不属于报告。`, `Web-page residue “${p.text.slice(m.index, m.index + m[0].length)}” is not part of the report.`),
          fixes: [{ title: L('删除网页残留内容', 'Delete the web-page residue'), isPreferred: true, edits: [{ span: del, newText: '' }] }],
        });
      }
    }
    return out;
  },
};
