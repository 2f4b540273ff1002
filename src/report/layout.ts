import { createRequire } from 'node:module';
import type { ELK, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import type { DiagramModel, DiagramTable } from './diagram-model.js';
import { rowCenter, tableBox, type TableBox } from './geometry.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PositionedTable {
  readonly x: number;
  readonly y: number;
  readonly box: TableBox;
}

export interface PositionedEdge {
  /** `orthogonal`: ELK's route, corner points; `curve`: a cubic from `points[0]` to `points[3]`. */
  readonly kind: 'orthogonal' | 'curve';
  readonly points: readonly Point[];
}

export interface GroupFrame {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  /** Index-aligned with `DiagramModel.tables`. */
  readonly tables: readonly PositionedTable[];
  /** Index-aligned with `DiagramModel.edges`. */
  readonly edges: readonly PositionedEdge[];
  /** Drawn only when the schema is split into several groups. */
  readonly groups: readonly GroupFrame[];
}

/**
 * Tables per ELK run. One layered layout of a 1,000-table schema takes ~10 s and comes out
 * 15,000 × 70,000 px (long edges to hub tables make every layer tall), so large schemas are laid
 * out per group — tables of one schema and file, in chunks of source order — and the groups
 * packed into rows. Edges between groups are drawn as curves, not routed.
 */
export const GROUP_MAX_TABLES = 80;
/** Files with fewer tables are pooled with their neighbours of the same schema. */
const SMALL_GROUP = 12;
const GROUP_GAP = 90;
const MARGIN = 24;

/** elkjs is an external dependency of the CLI bundle: required at run time, not imported. */
function loadElk(): ELK {
  const require = createRequire(import.meta.url);
  const Elk = require('elkjs/lib/elk.bundled.js') as new () => ELK;
  return new Elk();
}

export async function layoutDiagram(diagram: DiagramModel): Promise<DiagramLayout> {
  if (diagram.tables.length === 0) return { width: 2 * MARGIN, height: 2 * MARGIN, tables: [], edges: [], groups: [] };
  const boxes = diagram.tables.map(tableBox);
  const groups = groupTables(diagram.tables);
  const groupOf = new Int32Array(diagram.tables.length);
  groups.forEach((g, gi) => g.members.forEach((t) => (groupOf[t] = gi)));
  const elk = loadElk();

  const tables: PositionedTable[] = new Array(diagram.tables.length);
  const edges: PositionedEdge[] = new Array(diagram.edges.length);
  const framed = groups.length > 1;
  const laidOut: { width: number; height: number; label: string; place: (dx: number, dy: number) => void }[] = [];

  for (const [gi, group] of groups.entries()) {
    const inner = diagram.edges.filter((e) => groupOf[e.parent] === gi && groupOf[e.child] === gi);
    // NOTE: only a schema drawn as one group tries the bounded layerings (three ELK runs).
    const result = await layoutGroup(elk, elkGraph(diagram, group.members, inner, boxes, group.members.length > 40), !framed);
    const positions = new Map((result.children ?? []).map((c) => [Number(c.id.slice(1)), { x: c.x ?? 0, y: c.y ?? 0 }]));
    const routes = new Map((result.edges ?? []).map((e) => [Number(e.id.slice(1)), sectionPoints(e)]));
    // NOTE: the frame's label is drawn above the group, scaled to its width (render-svg.ts).
    const top = framed ? Math.min(160, Math.max(16, (result.width ?? 0) / 22)) + 12 : 0;
    laidOut.push({
      width: result.width ?? 0,
      height: (result.height ?? 0) + top,
      label: group.label,
      place: (dx, dy) => {
        for (const t of group.members) {
          const p = positions.get(t) ?? { x: 0, y: 0 };
          tables[t] = { x: p.x + dx, y: p.y + dy + top, box: boxes[t]! };
        }
        for (const e of inner) {
          const points = routes.get(e.index) ?? [];
          edges[e.index] = { kind: 'orthogonal', points: points.map((p) => ({ x: p.x + dx, y: p.y + dy + top })) };
        }
      },
    });
  }

  const frames: GroupFrame[] = [];
  const packed = packRows(laidOut);
  packed.forEach((at, gi) => {
    const group = laidOut[gi]!;
    group.place(at.x, at.y);
    if (framed) frames.push({ label: group.label, x: at.x, y: at.y, width: group.width, height: group.height });
  });

  for (const edge of diagram.edges) {
    if (edges[edge.index]) continue;
    const parent = tables[edge.parent]!;
    const child = tables[edge.child]!;
    const from = { x: parent.x + parent.box.width, y: parent.y + rowCenter(diagram.tables[edge.parent]!, edge.parentRow) };
    const to = { x: child.x, y: child.y + rowCenter(diagram.tables[edge.child]!, edge.childRow) };
    const pull = Math.max(60, Math.abs(to.x - from.x) / 2);
    edges[edge.index] = { kind: 'curve', points: [from, { x: from.x + pull, y: from.y }, { x: to.x - pull, y: to.y }, to] };
  }

  const width = Math.max(0, ...laidOut.map((g, i) => packed[i]!.x + g.width)) + MARGIN;
  const height = Math.max(0, ...laidOut.map((g, i) => packed[i]!.y + g.height)) + MARGIN;
  return { width: Math.ceil(width), height: Math.ceil(height), tables, edges, groups: frames };
}

/** Screens are landscape: the aspect ratio the layout should come close to. */
const TARGET_ASPECT = 1.6;

/**
 * Layered layout, left to right (parents left of their children). A star of one parent and many
 * children comes out as one tall column that way, so small groups are also laid out with the
 * number of tables per layer bounded (Coffman–Graham layering), and the result closer to a
 * landscape screen wins.
 */
async function layoutGroup(elk: ELK, graph: ElkNode, tryBounded: boolean): Promise<ElkNode> {
  // NOTE: elkjs writes positions and routes into the graph it is given (bend points of an earlier
  // run survive into the next), so every run gets a fresh copy.
  const free = await elk.layout(structuredClone(graph));
  if (!tryBounded) return free;
  const distance = (n: ElkNode) => Math.abs(Math.log((n.width ?? 1) / (n.height ?? 1) / TARGET_ASPECT));
  let best = free;
  const count = graph.children?.length ?? 0;
  for (const bound of [Math.ceil(Math.sqrt(count)), Math.ceil(Math.sqrt(count) * 1.5)]) {
    if (distance(best) < 0.25) break;
    const bounded = await elk.layout({ ...structuredClone(graph), layoutOptions: { ...graph.layoutOptions, 'elk.layered.layering.strategy': 'COFFMAN_GRAHAM', 'elk.layered.layering.coffmanGraham.layerBound': String(bound) } });
    if (distance(bounded) < distance(best)) best = bounded;
  }
  return best;
}

interface TableGroup {
  readonly label: string;
  readonly members: number[];
}

/** One group for small schemas; else per schema and file, small files pooled, big ones chunked. */
export function groupTables(tables: readonly DiagramTable[]): TableGroup[] {
  if (tables.length <= GROUP_MAX_TABLES) return [{ label: '', members: tables.map((t) => t.index) }];
  const byFile = new Map<string, { schema: string; file: string; members: number[] }>();
  for (const table of tables) {
    const schema = table.schema ?? 'public';
    const key = `${schema}\u0000${table.file}`;
    let entry = byFile.get(key);
    if (!entry) byFile.set(key, (entry = { schema, file: table.file, members: [] }));
    entry.members.push(table.index);
  }
  const groups: TableGroup[] = [];
  const pools = new Map<string, { files: string[]; members: number[] }>();
  const flushPool = (schema: string) => {
    const pool = pools.get(schema);
    if (!pool || pool.members.length === 0) return;
    groups.push({ label: labelOf(schema, pool.files), members: pool.members });
    pools.delete(schema);
  };
  for (const { schema, file, members } of byFile.values()) {
    if (members.length >= SMALL_GROUP) {
      const chunks = Math.ceil(members.length / GROUP_MAX_TABLES);
      const size = Math.ceil(members.length / chunks);
      for (let c = 0; c < chunks; c++) {
        groups.push({ label: `${labelOf(schema, [file])}${chunks > 1 ? ` (${c + 1}/${chunks})` : ''}`, members: members.slice(c * size, (c + 1) * size) });
      }
      continue;
    }
    const pool = pools.get(schema) ?? { files: [], members: [] };
    pools.set(schema, pool);
    pool.files.push(file);
    pool.members.push(...members);
    if (pool.members.length >= GROUP_MAX_TABLES) flushPool(schema);
  }
  for (const schema of [...pools.keys()]) flushPool(schema);
  return groups;
}

function labelOf(schema: string, files: readonly string[]): string {
  const shown = files.length > 2 ? `${files.slice(0, 2).join(', ')} +${files.length - 2} files` : files.join(', ');
  return schema === 'public' ? shown : `${schema} · ${shown}`;
}

function elkGraph(diagram: DiagramModel, members: readonly number[], edges: DiagramModel['edges'], boxes: readonly TableBox[], large: boolean): ElkNode {
  const ports = new Map<number, Map<string, ElkPort>>();
  const port = (table: number, side: 'EAST' | 'WEST', row: number): string => {
    const id = `p${table}${side === 'EAST' ? 'e' : 'w'}${row}`;
    let byId = ports.get(table);
    if (!byId) ports.set(table, (byId = new Map()));
    if (!byId.has(id)) {
      const box = boxes[table]!;
      byId.set(id, { id, x: side === 'EAST' ? box.width : 0, y: rowCenter(diagram.tables[table]!, row), width: 0, height: 0, layoutOptions: { 'elk.port.side': side } });
    }
    return id;
  };
  const elkEdges: ElkExtendedEdge[] = edges.map((e) => ({ id: `e${e.index}`, sources: [port(e.parent, 'EAST', e.parentRow)], targets: [port(e.child, 'WEST', e.childRow)] }));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      'elk.layered.spacing.edgeNodeBetweenLayers': '18',
      'elk.spacing.nodeNode': '30',
      'elk.spacing.edgeNode': '16',
      'elk.spacing.edgeEdge': '9',
      'elk.spacing.componentComponent': '56',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // NOTE: thoroughness 7 (ELK's default) costs about twice as much as 2 on 80-table groups, for
      // few fewer crossings; small schemas, the ones people read closely, keep it.
      'elk.layered.thoroughness': large ? '2' : '7',
      'elk.aspectRatio': '1.6',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
    },
    children: members.map((t) => ({
      id: `t${t}`,
      width: boxes[t]!.width,
      height: boxes[t]!.height,
      ports: [...(ports.get(t)?.values() ?? [])],
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    })),
    edges: elkEdges,
  };
}

function sectionPoints(edge: ElkExtendedEdge): Point[] {
  const section = edge.sections?.[0];
  if (!section) return [];
  return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
}

/** Shelf packing in source order: rows about as wide as a 16:10 rectangle of the total area. */
function packRows(groups: readonly { width: number; height: number }[]): Point[] {
  const area = groups.reduce((a, g) => a + (g.width + GROUP_GAP) * (g.height + GROUP_GAP), 0);
  const rowWidth = Math.max(...groups.map((g) => g.width), Math.sqrt(area * 1.6));
  const placed: Point[] = [];
  let x = MARGIN;
  let y = MARGIN;
  let rowHeight = 0;
  for (const group of groups) {
    if (x > MARGIN && x + group.width > rowWidth + MARGIN) {
      x = MARGIN;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    placed.push({ x, y });
    x += group.width + GROUP_GAP;
    rowHeight = Math.max(rowHeight, group.height);
  }
  return placed;
}
