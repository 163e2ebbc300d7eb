// Every rule, in catalog order (RULES.md). Adding a rule: a file in this folder plus a line here;
// its docs page is generated from its metadata (scripts/gen-rule-docs.mjs).
import type { Rule } from './types';
import { rule as sectionMissing } from './section-missing';
import { rule as sectionOrder } from './section-order';
import { rule as sectionDuplicate } from './section-duplicate';
import { rule as sectionHeadingVariant } from './section-heading-variant';
import { rule as sectionHeadingTypo } from './section-heading-typo';
import { rule as sectionEmpty } from './section-empty';
import { rule as tableMissing } from './table-missing';
import { rule as rowMissing } from './row-missing';
import { rule as rowUnknown } from './row-unknown';
import { rule as cellCount } from './cell-count';
import { rule as templateMismatch } from './template-mismatch';
import { rule as templateMixed } from './template-mixed';
import { rule as yearMissing } from './year-missing';
import { rule as yearInconsistent } from './year-inconsistent';
import { rule as cellBlank } from './cell-blank';
import { rule as cellNotNumber } from './cell-not-number';
import { rule as cellNotInteger } from './cell-not-integer';
import { rule as cellNegative } from './cell-negative';
import { rule as cellUnit } from './cell-unit';
import { rule as rowTotal } from './row-total';
import { rule as columnTotal } from './column-total';
import { rule as balance } from './balance';
import { rule as reviewTotal } from './review-total';
import { rule as totalBlank } from './total-blank';
import { rule as suspectCell } from './suspect-cell';
import { rule as placeholder } from './placeholder';
import { rule as textTableMismatch } from './text-table-mismatch';
import { rule as feeStatementMissing } from './fee-statement-missing';
import { rule as webResidue } from './web-residue';

export const allRules: readonly Rule[] = [
  sectionMissing, sectionOrder, sectionDuplicate, sectionHeadingVariant, sectionHeadingTypo, sectionEmpty,
  tableMissing, rowMissing, rowUnknown, cellCount,
  templateMismatch, templateMixed, yearMissing, yearInconsistent,
  cellBlank, cellNotNumber, cellNotInteger, cellNegative, cellUnit,
  rowTotal, columnTotal, balance, reviewTotal, totalBlank, suspectCell,
  placeholder, textTableMismatch, feeStatementMissing, webResidue,
];

const byCode = new Map(allRules.map((r) => [r.meta.code, r]));
export function ruleByCode(code: string): Rule | undefined {
  return byCode.get(code);
}

/** Codes whose fixes fix-all applies, in the order it applies them. */
export const fixAllCodes: readonly string[] = allRules
  .filter((r) => r.meta.fixAllOrder !== undefined)
  .sort((a, b) => a.meta.fixAllOrder! - b.meta.fixAllOrder!)
  .map((r) => r.meta.code);
