// Shared views of the body's sections for the structure rules.
import type { ReportModel, Section } from '../model/types';
import type { TemplateDef } from '../templates/schema';
import { templateFor } from '../templates/registry';

export function bodySections(model: ReportModel): Section[] {
  return model.sections.filter((s) => !s.inAttachment);
}

export function templateOf(model: ReportModel): TemplateDef {
  return model.template ?? templateFor(model.year !== null && model.year <= 2020 ? '2019' : '2021');
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  return i < 0 ? 0 : i + 1;
}

/** Offset just after the line break ending the line holding `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
