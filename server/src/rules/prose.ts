// Shared access to the body's prose for the text rules: paragraphs with offset mapping.
import type { Span } from '../core/types';
import { offsetAt } from '../model/structure';
import type { Paragraph, ReportModel } from '../model/types';
export { foldedText } from '../parse/values';

export function bodyParagraphs(model: ReportModel): Paragraph[] {
  return model.paragraphs.filter((p) => p.span.start < model.body.end);
}

/** Source span of `text.slice(i, j)` of a paragraph. */
export function paraSpan(p: Paragraph, i: number, j: number): Span {
  if (j <= i) {
    const o = offsetAt(p, i);
    return { start: o, end: o };
  }
  return { start: offsetAt(p, i), end: offsetAt(p, j - 1) + 1 };
}
