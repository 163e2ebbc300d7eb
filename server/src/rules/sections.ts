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

export { eolOf, lineStart, nextLineStart } from '../core/text';
