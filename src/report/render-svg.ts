import { ACTION_ORDER, type ActionClass, type DiagramModel, type DiagramTable } from './diagram-model.js';
import { escapeHtml } from './escape.js';
import {
  HEADER_HEIGHT,
  KEY_WIDTH,
  MAX_ROWS,
  PADDING,
  ROW_HEIGHT,
  TAG_HEIGHT,
  columnTags,
  monoWidth,
  sansBoldWidth,
  HEADER_FONT,
  tableTags,
  tagWidth,
  type Tag,
} from './geometry.js';
import type { DiagramLayout, Point, PositionedEdge } from './layout.js';
import { ACTION_COLOURS } from './palette.js';

/**
 * The positioned SVG of the diagram. Styling lives in the page's CSS (classes only), so the
 * markup stays small; user text goes through escapeHtml. In `lazy` mode column rows are not in
 * the SVG: they are returned per table for the client script to insert when the table is
 * zoomed into view or expanded, keeping the DOM of a 1,000-table schema small.
 */
export type DetailMode = 'full' | 'lazy';

export interface RenderedDiagram {
  readonly svg: string;
  /** `lazy` mode: the row markup of each table, index-aligned with the tables. */
  readonly rows?: readonly string[];
}

export function actionSlug(action: ActionClass): string {
  return action.replace(' ', '-');
}

export function renderDiagramSvg(diagram: DiagramModel, layout: DiagramLayout, mode: DetailMode): RenderedDiagram {
  const parts: string[] = [];
  const rows: string[] = [];
  const relations = diagram.edges.length;
  parts.push(
    `<svg id="erd" class="erd${mode === 'lazy' ? ' hide-far' : ''}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Entity-relationship diagram: ${diagram.tables.length} tables, ${relations} relations. Select tables with the table list or the keyboard." data-width="${layout.width}" data-height="${layout.height}" data-mode="${mode}">`,
    defs(),
    '<g id="viewport">',
  );
  if (layout.groups.length > 0) {
    parts.push('<g class="groups">');
    for (const g of layout.groups) {
      // NOTE: labels grow with the group, so they stay legible in the zoomed-out overview.
      // (a scale, not a font-size attribute: the stylesheet's font-size would win over it).
      const size = Math.round(Math.min(160, Math.max(16, g.width / 22)));
      parts.push(`<g class="grp"><rect x="${r(g.x - 12)}" y="${r(g.y - 10)}" width="${r(g.width + 24)}" height="${r(g.height + 20)}" rx="10"/><text transform="translate(${r(g.x)} ${r(g.y + size * 0.85)}) scale(${r(size / 16)})">${escapeHtml(g.label)}</text></g>`);
    }
    parts.push('</g>');
  }
  parts.push('<g class="edges">');
  for (const edge of diagram.edges) {
    const positioned = layout.edges[edge.index];
    if (!positioned || positioned.points.length < 2) continue;
    const classes = `e a-${actionSlug(edge.onDelete)}${edge.unindexed ? ' ux' : ''}${positioned.kind === 'curve' ? ' far' : ''}${edge.parent === edge.child ? ' self' : ''}`;
    parts.push(`<path class="${classes}" data-e="${edge.index}" d="${pathData(positioned)}"/>`);
  }
  parts.push('</g><g class="tables">');
  for (const table of diagram.tables) {
    const at = layout.tables[table.index]!;
    const body = renderRows(table, at.box.width, at.box.typeRight);
    const sensitivity = table.sensitivity ? ` c-${table.sensitivity}` : '';
    const flagged = table.unindexedCount + table.untypedCount > 0 ? ' flagged' : '';
    parts.push(`<g class="t${sensitivity}${flagged}" id="t-${table.index}" data-i="${table.index}" transform="translate(${r(at.x)} ${r(at.y)})">`);
    parts.push(renderHeader(table, at.box.width, at.box.height));
    if (mode === 'full') {
      parts.push(`<g class="rows">${body}</g>`);
    } else {
      const fks = table.columns.filter((c) => c.foreignKey).length;
      parts.push(`<text class="sum" x="${PADDING}" y="${HEADER_HEIGHT + 15}">${table.columns.length} columns${fks > 0 ? ` · ${fks} FK` : ''}</text><g class="rows"></g>`);
      rows.push(body);
    }
    parts.push('</g>');
  }
  parts.push('</g></g></svg>');
  return mode === 'lazy' ? { svg: parts.join(''), rows } : { svg: parts.join('') };
}

function renderHeader(table: DiagramTable, width: number, height: number): string {
  const out: string[] = [];
  out.push(`<rect class="tb" width="${width}" height="${height}" rx="6"/>`);
  out.push(`<path class="th" d="M0 6a6 6 0 0 1 6-6h${width - 12}a6 6 0 0 1 6 6v${HEADER_HEIGHT - 6}h${-width}z"/>`);
  if (table.sensitivity && table.sensitivity !== 'unclassified') out.push(`<path class="tp" d="M0 6a6 6 0 0 1 6-6h${width - 12}a6 6 0 0 1 6 6v${HEADER_HEIGHT - 6}h${-width}z"/>`);
  const schema = table.schema && table.schema !== 'public' ? `<tspan class="ts">${escapeHtml(table.schema)}.</tspan>` : '';
  out.push(`<text class="tn" x="${PADDING}" y="22">${schema}${escapeHtml(table.name)}</text>`);
  const schemaWidth = table.schema && table.schema !== 'public' ? sansBoldWidth(`${table.schema}.`, HEADER_FONT - 2) : 0;
  let x = PADDING + schemaWidth + sansBoldWidth(table.name) + 12;
  const tags = tableTags(table);
  // NOTE: header tags are right-aligned when there is room, so the names of a column of tables line up.
  const total = tags.reduce((w, t) => w + tagWidth(t.label) + 4, 0);
  x = Math.max(x, width - PADDING - total + 4);
  for (const tag of tags) {
    out.push(renderTag(tag, x, 10));
    x += tagWidth(tag.label) + 4;
  }
  return out.join('');
}

function renderRows(table: DiagramTable, width: number, typeRight: number): string {
  const out: string[] = [];
  const truncated = table.columns.length > MAX_ROWS;
  const shown = truncated ? table.columns.slice(0, MAX_ROWS - 1) : table.columns;
  shown.forEach((column, i) => {
    const y = HEADER_HEIGHT + 2 + i * ROW_HEIGHT;
    const kind = column.sensitivity ? ` k-${column.sensitivity}` : '';
    out.push(`<g class="r${kind}" data-r="${i}" transform="translate(0 ${y})">`);
    if (column.sensitivity) out.push(`<rect class="rb" x="1" width="${width - 2}" height="${ROW_HEIGHT}"/><rect class="rs" x="1" width="4" height="${ROW_HEIGHT}"/>`);
    const key = column.primaryKey ? 'PK' : column.foreignKey ? 'FK' : '';
    if (key) out.push(`<text class="rk" x="${PADDING}" y="14">${key}</text>`);
    out.push(`<text class="rn" x="${KEY_WIDTH}" y="14">${escapeHtml(column.name)}</text>`);
    let x = KEY_WIDTH + monoWidth(column.name) + 8;
    for (const tag of columnTags(column)) {
      out.push(renderTag(tag, x, (ROW_HEIGHT - TAG_HEIGHT) / 2));
      x += tagWidth(tag.label) + 4;
    }
    out.push(`<text class="rt" x="${typeRight}" y="14">${escapeHtml(column.shortType)}</text></g>`);
  });
  if (truncated) {
    const y = HEADER_HEIGHT + 2 + (MAX_ROWS - 1) * ROW_HEIGHT;
    out.push(`<g class="r more" transform="translate(0 ${y})"><text class="rn" x="${KEY_WIDTH}" y="14">+ ${table.columns.length - shown.length} more columns</text></g>`);
  }
  return out.join('');
}

function renderTag(tag: Tag, x: number, y: number): string {
  const w = tagWidth(tag.label);
  return `<g class="tag g-${tag.kind}" transform="translate(${r(x)} ${r(y)})"><rect width="${w}" height="${TAG_HEIGHT}" rx="3"/><text x="${w / 2}" y="10.2">${escapeHtml(tag.label)}</text></g>`;
}

function defs(): string {
  const out: string[] = ['<defs>'];
  // NOTE: patterns make classes distinguishable without colour (hatch, dots, cross-hatch, bars).
  out.push('<pattern id="pat-phi" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2.2" height="7" class="pf-phi"/></pattern>');
  out.push('<pattern id="pat-special" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="1.6" height="7" class="pf-special"/><rect width="7" height="1.6" class="pf-special"/></pattern>');
  out.push('<pattern id="pat-pii" width="7" height="7" patternUnits="userSpaceOnUse"><circle cx="3.5" cy="3.5" r="1.3" class="pf-pii"/></pattern>');
  out.push('<pattern id="pat-credential" width="7" height="7" patternUnits="userSpaceOnUse"><rect width="7" height="1.8" class="pf-credential"/></pattern>');
  out.push('<pattern id="pat-unclassified" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="3" height="6" class="pf-unclassified"/></pattern>');
  for (const action of ACTION_ORDER) {
    const colour = ACTION_COLOURS[action];
    const slug = actionSlug(action);
    out.push(`<marker id="one-${slug}" viewBox="-2 -7 14 14" refX="0" refY="0" markerWidth="14" markerHeight="14" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M5 -5.5V5.5" stroke="${colour}" stroke-width="1.8" fill="none"/></marker>`);
    out.push(`<marker id="many-${slug}" viewBox="-2 -7 14 14" refX="11" refY="0" markerWidth="14" markerHeight="14" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L11 -5.5M0 0H11M0 0L11 5.5" stroke="${colour}" stroke-width="1.6" fill="none"/></marker>`);
  }
  out.push('</defs>');
  return out.join('');
}

function pathData(edge: PositionedEdge): string {
  const p = edge.points;
  if (edge.kind === 'curve') {
    const [a, b, c, d] = p as [Point, Point, Point, Point];
    return `M${r(a.x)} ${r(a.y)}C${r(b.x)} ${r(b.y)} ${r(c.x)} ${r(c.y)} ${r(d.x)} ${r(d.y)}`;
  }
  // NOTE: orthogonal routes get rounded corners (radius up to 7, less on short segments).
  let d = `M${r(p[0]!.x)} ${r(p[0]!.y)}`;
  for (let i = 1; i < p.length - 1; i++) {
    const prev = p[i - 1]!;
    const at = p[i]!;
    const next = p[i + 1]!;
    const radius = Math.min(7, dist(prev, at) / 2, dist(at, next) / 2);
    const a = toward(at, prev, radius);
    const b = toward(at, next, radius);
    d += `L${r(a.x)} ${r(a.y)}Q${r(at.x)} ${r(at.y)} ${r(b.x)} ${r(b.y)}`;
  }
  const last = p[p.length - 1]!;
  return `${d}L${r(last.x)} ${r(last.y)}`;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function toward(from: Point, to: Point, length: number): Point {
  const d = dist(from, to);
  if (d === 0) return from;
  return { x: from.x + ((to.x - from.x) * length) / d, y: from.y + ((to.y - from.y) * length) / d };
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}
