// The zod schema every template (national format or provincial variant) is validated against.
// Rules never name a label: they read rows, columns and relations from data shaped like this.
import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });

export const valueDomainSchema = z.enum(['count', 'signed-count', 'amount-wan', 'amount']);
export type ValueDomain = z.infer<typeof valueDomainSchema>;

export const columnSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Spanning header the column sits under (行政复议, 行政诉讼·复议后起诉), for messages and hovers. */
  group: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  domain: valueDomainSchema,
  meaning: z.string().optional(),
});

export const rowSchema = z.object({
  id: z.string(),
  label: z.string(),
  aliases: z.array(z.string()).default([]),
  /** Group label id (e.g. （三）不予公开) the row sits under. */
  group: z.string().optional(),
  /** Rows without a label are bound positionally: the first run of values in the table. */
  unlabeled: z.boolean().default(false),
  meaning: z.string().optional(),
  basis: z.string().optional(),
});

export const groupSchema = z.object({
  id: z.string(),
  label: z.string(),
  aliases: z.array(z.string()).default([]),
});

export const partSchema = z.object({
  id: z.string(),
  caption: z.string().optional(),
  captionAliases: z.array(z.string()).default([]),
  /** Header cells that are not column labels (信息内容, 申请人情况, the 勾稽关系 note …). */
  headers: z.array(z.string()).default([]),
  columns: z.array(columnSchema).min(1),
  groups: z.array(groupSchema).default([]),
  rows: z.array(rowSchema).min(1),
});

const cellSet = z.object({ rows: z.array(z.string()).optional(), columns: z.array(z.string()).optional() });
const each = z.union([z.literal('all'), z.array(z.string())]);

export const sumRelationSchema = z.object({
  id: z.string(),
  kind: z.literal('sum'),
  /** The diagnostic code a failure of this relation is reported under. */
  code: z.string(),
  name: text,
  part: z.string(),
  eachRow: each.optional(),
  eachColumn: each.optional(),
  total: z.object({ row: z.string().optional(), column: z.string().optional() }),
  addends: cellSet,
});

export const balanceRelationSchema = z.object({
  id: z.string(),
  kind: z.literal('balance'),
  code: z.string(),
  name: text,
  part: z.string(),
  eachColumn: each,
  left: z.array(z.string()),
  right: z.array(z.string()),
  /** The row a balance quick fix sets (never applied by fix-all). */
  solveFor: z.string(),
});

export const relationSchema = z.discriminatedUnion('kind', [sumRelationSchema, balanceRelationSchema]);

export const tableSchema = z.object({
  id: z.string(),
  section: z.string(),
  title: text,
  parts: z.array(partSchema).min(1),
  relations: z.array(relationSchema).default([]),
});

export const sectionSchema = z.object({
  id: z.string(),
  numeral: z.string(),
  heading: z.string(),
  /** Acceptable wordings (section-heading-variant). */
  variants: z.array(z.string()).default([]),
  /** Known misspellings (section-heading-typo). */
  typos: z.array(z.string()).default([]),
  /** A heading line must contain one of these to be taken for this section. */
  keywords: z.array(z.string()).min(1),
  /** Free text the skeleton inserts under the heading, if any. */
  placeholder: z.string().optional(),
  meaning: z.string().optional(),
});

export const templateSchema = z.object({
  version: z.enum(['2019', '2021']),
  /** A provincial variant names the national format it extends; detection reports `version`. */
  variant: z.string().optional(),
  name: z.string(),
  document: z.string(),
  years: z.object({ from: z.number().int(), to: z.number().int().optional() }),
  sections: z.array(sectionSchema).length(6),
  tables: z.array(tableSchema).min(1),
});

export type ColumnDef = z.infer<typeof columnSchema>;
export type RowDef = z.infer<typeof rowSchema>;
export type GroupDef = z.infer<typeof groupSchema>;
export type PartDef = z.infer<typeof partSchema>;
export type SumRelationDef = z.infer<typeof sumRelationSchema>;
export type BalanceRelationDef = z.infer<typeof balanceRelationSchema>;
export type RelationDef = z.infer<typeof relationSchema>;
export type TableDef = z.infer<typeof tableSchema>;
export type SectionDef = z.infer<typeof sectionSchema>;
export type TemplateDef = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;
