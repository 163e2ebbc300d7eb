// Text: the 2021 format asks section 六 to state whether 信息处理费 was charged (even when nil).
import type { Rule } from './types';
import { L } from './util';
import { bodySections } from './sections';

const FEE = /信息处理费|收取[^。]{0,20}费用|未[^。]{0,16}收(?:取|费)|不收取[^。]{0,10}费|处理费/;

export const rule: Rule = {
  meta: {
    code: 'fee-statement-missing',
    defaultSeverity: 'warning',
    category: 'text',
    description: { 'zh-CN': '2021 年格式：第六部分应说明信息处理费收取情况（未收取也应写明）。', en: '2021 format: section 六 must say whether 信息处理费 (information processing fees) were charged, even when none were.' },
  },
  check({ model }) {
    if (model.templateVersion !== '2021' && !(model.templateVersion === null && (model.year ?? 0) >= 2021)) return [];
    const six = bodySections(model).find((s) => s.id === 'other');
    if (!six) return [];
    const bodyText = model.text.slice(0, model.body.end);
    const content = model.text.slice(six.content.start, six.content.end);
    // an empty section 六 is section-empty (one defect, one finding)
    if (!/[^\s\u3000\u00a0]/.test(content.replace(/<[^>]{0,2000}>|&nbsp;/g, ''))) return [];
    if (FEE.test(content)) return [];
    // Some reports state it in section 一 instead (“未因信息公开收取…任何费用”).
    if (/信息处理费/.test(bodyText) || /未因[^。]{0,20}收取[^。]{0,20}费/.test(bodyText)) return [];
    return [
      {
        code: 'fee-statement-missing',
        span: six.heading.span,
        message: L('第六部分未说明信息处理费收取情况（2021 年格式要求在此报告，未收取也应写明）。', 'Section 六 does not say whether information processing fees (信息处理费) were charged; the 2021 format requires it, even when none were.'),
        data: { section: 'other' },
      },
    ];
  },
};
