import type { DiagramColumn, DiagramTable, SensitivityClass } from './diagram-model.js';

/**
 * Sizes of the drawn tables, shared by the layout (node and port positions) and the SVG
 * renderer. The browser does no layout, so text widths are estimated here: column rows use a
 * monospace stack (every common monospace face advances 0.6 em or less), headers a bold sans
 * stack measured with a generous per-glyph table, so text never overflows its box.
 */
export const HEADER_HEIGHT = 34;
export const ROW_HEIGHT = 20;
export const ROW_FONT = 11.5;
export const HEADER_FONT = 13.5;
export const TAG_FONT = 9;
export const TAG_HEIGHT = 14;
export const KEY_WIDTH = 30;
export const PADDING = 10;
export const MIN_WIDTH = 170;
/** Longer tables show this many rows and a "+ N more columns" row (the side panel lists all). */
export const MAX_ROWS = 40;

const MONO_ADVANCE = 0.6;

export function monoWidth(text: string, size = ROW_FONT): number {
  return [...text].length * size * MONO_ADVANCE;
}

/** Upper bound for bold sans text: DejaVu Sans Bold (the widest common fallback) per glyph class. */
export function sansBoldWidth(text: string, size = HEADER_FONT): number {
  let em = 0;
  for (const ch of text) {
    if ('iljt.,:;|!\'`()[]f'.includes(ch)) em += 0.4;
    else if ('mwMW@'.includes(ch)) em += 1.0;
    else if (ch >= 'A' && ch <= 'Z') em += 0.78;
    else if (ch.charCodeAt(0) > 0x2e7f) em += 1.0;
    else em += 0.7;
  }
  return em * size;
}

export function tagWidth(label: string): number {
  return Math.ceil(label.length * TAG_FONT * 0.72 + 10);
}

export const CLASS_LABEL: Readonly<Record<SensitivityClass, string>> = {
  phi: 'PHI',
  special: 'SPECIAL',
  pii: 'PII',
  credential: 'CREDENTIAL',
  unclassified: 'UNDECLARED',
};

export interface Tag {
  readonly label: string;
  /** CSS class suffix (`g-<kind>`): a sensitivity class, `inferred`, `enc` or `flag`. */
  readonly kind: string;
}

/** The small labels after a column name: sensitivity (text, not colour alone) and flags. */
export function columnTags(column: DiagramColumn): Tag[] {
  const tags: Tag[] = [];
  if (column.sensitivity === 'unclassified' && column.dataClass) {
    tags.push({ label: `${CLASS_LABEL[column.dataClass]}?`, kind: 'inferred' });
  } else if (column.sensitivity) {
    tags.push({ label: CLASS_LABEL[column.sensitivity], kind: column.sensitivity });
  }
  if (column.encrypted) tags.push({ label: 'ENC', kind: 'enc' });
  if (column.unindexedForeignKey) tags.push({ label: 'NO INDEX', kind: 'flag' });
  if (column.untypedJson) tags.push({ label: 'UNTYPED', kind: 'flag' });
  return tags;
}

/** Header tags: each declared class present (the first one is also the header colour) and the undeclared count. */
export function tableTags(table: DiagramTable): Tag[] {
  const tags: Tag[] = table.classes
    .filter((c) => c !== 'unclassified')
    .map((c) => ({ label: CLASS_LABEL[c], kind: c }));
  if (table.undeclaredCount > 0) tags.push({ label: `${table.undeclaredCount} UNDECLARED`, kind: 'inferred' });
  return tags;
}

export interface TableBox {
  readonly width: number;
  readonly height: number;
  /** Rows drawn: columns, plus one "more" row when truncated. */
  readonly rows: number;
  /** x where the type column is right-aligned. */
  readonly typeRight: number;
}

export function tableBox(table: DiagramTable): TableBox {
  const shown = table.columns.length > MAX_ROWS ? table.columns.slice(0, MAX_ROWS - 1) : table.columns;
  const rows = shown.length + (shown.length < table.columns.length ? 1 : 0);
  let nameAndTags = 0;
  let type = 0;
  for (const column of shown) {
    const tags = columnTags(column).reduce((w, t) => w + tagWidth(t.label) + 4, 0);
    nameAndTags = Math.max(nameAndTags, monoWidth(column.name) + (tags > 0 ? 8 + tags : 0));
    type = Math.max(type, monoWidth(column.shortType));
  }
  const bodyWidth = KEY_WIDTH + nameAndTags + 18 + type + PADDING;
  const headerTags = tableTags(table).reduce((w, t) => w + tagWidth(t.label) + 4, 0);
  const schemaPrefix = table.schema && table.schema !== 'public' ? sansBoldWidth(`${table.schema}.`, HEADER_FONT - 2) : 0;
  const headerWidth = PADDING + schemaPrefix + sansBoldWidth(table.name) + 12 + headerTags + PADDING;
  const width = Math.ceil(Math.max(MIN_WIDTH, bodyWidth, headerWidth));
  return { width, height: HEADER_HEIGHT + Math.max(1, rows) * ROW_HEIGHT + 4, rows, typeRight: width - PADDING };
}

/** y of the middle of row `row` (where edges attach); rows past the cap attach to the "more" row. */
export function rowCenter(table: DiagramTable, row: number): number {
  const capped = table.columns.length > MAX_ROWS && row >= MAX_ROWS - 1 ? MAX_ROWS - 1 : row;
  return HEADER_HEIGHT + capped * ROW_HEIGHT + ROW_HEIGHT / 2 + 2;
}
