// The zod schema every template (national format or provincial variant) is validated against.
// Rules never name a label: they read rows, columns and relations from data shaped like this.
import * as z from 'zod/mini';
import '../core/zod-messages';

const text = z.object({ zh: z.string(), en: z.string() });

export const valueDomainSchema = z.enum(['count', 'signed-count', 'amount-wan', 'amount']);
export type ValueDomain = z.infer<typeof valueDomainSchema>;

export const columnSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Spanning header the column sits under (行政复议, 行政诉讼·复议后起诉), for messages and hovers. */
  group: z.optional(z.string()),
  aliases: z._default(z.array(z.string()), []),
  domain: valueDomainSchema,
  meaning: z.optional(z.string()),
});

export const rowSchema = z.object({
  id: z.string(),
  label: z.string(),
  aliases: z._default(z.array(z.string()), []),
  /** Group label id (e.g. （三）不予公开) the row sits under. */
  group: z.optional(z.string()),
  /** Rows without a label are bound positionally: the first run of values in the table. */
  unlabeled: z._default(z.boolean(), false),
  meaning: z.optional(z.string()),
  basis: z.optional(z.string()),
});

export const groupSchema = z.object({
  id: z.string(),
  label: z.string(),
  aliases: z._default(z.array(z.string()), []),
});

export const partSchema = z.object({
  id: z.string(),
  caption: z.optional(z.string()),
  captionAliases: z._default(z.array(z.string()), []),
  /** Header cells that are not column labels (信息内容, 申请人情况, the 勾稽关系 note …). */
  headers: z._default(z.array(z.string()), []),
  columns: z.array(columnSchema).check(z.minLength(1)),
  groups: z._default(z.array(groupSchema), []),
  rows: z.array(rowSchema).check(z.minLength(1)),
});

const cellSet = z.object({ rows: z.optional(z.array(z.string())), columns: z.optional(z.array(z.string())) });
const each = z.union([z.literal('all'), z.array(z.string())]);

export const sumRelationSchema = z.object({
  id: z.string(),
  kind: z.literal('sum'),
  /** The diagnostic code a failure of this relation is reported under. */
  code: z.string(),
  name: text,
  part: z.string(),
  eachRow: z.optional(each),
  eachColumn: z.optional(each),
  total: z.object({ row: z.optional(z.string()), column: z.optional(z.string()) }),
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
  parts: z.array(partSchema).check(z.minLength(1)),
  relations: z._default(z.array(relationSchema), []),
});

export const sectionSchema = z.object({
  id: z.string(),
  numeral: z.string(),
  heading: z.string(),
  /** Acceptable wordings (section-heading-variant). */
  variants: z._default(z.array(z.string()), []),
  /** Known misspellings (section-heading-typo). */
  typos: z._default(z.array(z.string()), []),
  /** A heading line must contain one of these to be taken for this section. */
  keywords: z.array(z.string()).check(z.minLength(1)),
  /** Free text the skeleton inserts under the heading, if any. */
  placeholder: z.optional(z.string()),
  meaning: z.optional(z.string()),
});

export const templateSchema = z.object({
  version: z.enum(['2019', '2021']),
  /** A provincial variant names the national format it extends; detection reports `version`. */
  variant: z.optional(z.string()),
  name: z.string(),
  document: z.string(),
  years: z.object({ from: z.int(), to: z.optional(z.int()) }),
  sections: z.array(sectionSchema).check(z.length(6)),
  tables: z.array(tableSchema).check(z.minLength(1)),
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
