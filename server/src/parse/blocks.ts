// The layout-independent intermediate form: a document is a sequence of paragraphs (prose lines) and
// rows of fields (table cells). Every field and paragraph keeps its exact source span.
import type { Span } from '../core/types';
import type { Paragraph } from '../model/types';
import type { FieldClass } from './values';

export type RowLayout = 'tab' | 'word' | 'pipe' | 'markdown' | 'html' | 'plain';

export interface Field {
  /** Cell text as it reads (HTML entities decoded), trimmed. */
  raw: string;
  /** Source span of the trimmed content; zero-width at the content position for an empty cell. */
  span: Span;
  colspan: number;
  /** How the field reads (computed once, whatever template it is bound against). */
  cls?: FieldClass;
}

export interface RowBlock {
  kind: 'row';
  fields: Field[];
  span: Span;
  /** True when the layout marks where a table row begins and ends (tab line, Word group, <tr>, Markdown). */
  explicit: boolean;
  layout: RowLayout;
}

export interface ParaBlock {
  kind: 'para';
  para: Paragraph;
}

export interface BreakBlock {
  kind: 'break';
  span: Span;
}

export type Block = RowBlock | ParaBlock | BreakBlock;

export interface Scan {
  blocks: Block[];
  layout: 'html' | 'text';
}
