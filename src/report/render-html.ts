import { createHash } from 'node:crypto';
import path from 'node:path';
import { SEVERITY_RANK } from '../engine/diagnostic.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { ACTION_ORDER, SENSITIVITY_ORDER, buildDiagramModel, displayPath, type DiagramModel } from './diagram-model.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { CLASS_LABEL } from './geometry.js';
import { layoutDiagram, type DiagramLayout } from './layout.js';
import type { ReportData } from './report-data.js';
import { actionSlug, renderDiagramSvg, type DetailMode } from './render-svg.js';
import { reportCss } from './styles.js';

/**
 * Column rows drawn in the SVG up front. Past this, rows are inserted by the client script only
 * for tables zoomed into view or expanded ("lazy"), so a 1,000-table report keeps a DOM of a few
 * thousand nodes instead of tens of thousands.
 */
const FULL_DETAIL_MAX_ROWS = 2500;
const FULL_DETAIL_MAX_TABLES = 150;

/**
 * Renders the governance report: one self-contained HTML file (inline CSS, inline script, data as
 * inline JSON, system fonts; a Content-Security-Policy forbids every fetch) with the ER diagram
 * laid out here by ELK, the findings, the data inventory and summary counts. Pure apart from
 * loading elkjs; the output depends only on `data`.
 */
export async function renderHtmlReport(data: ReportData): Promise<string> {
  const diagram = buildDiagramModel(data.model, data.inventory, data.root);
  const layout = await layoutDiagram(diagram);
  const totalRows = diagram.tables.reduce((n, t) => n + t.columns.length, 0);
  const auto: DetailMode = totalRows <= FULL_DETAIL_MAX_ROWS && diagram.tables.length <= FULL_DETAIL_MAX_TABLES ? 'full' : 'lazy';
  const mode: DetailMode = data.detail === 'full' || data.detail === 'lazy' ? data.detail : auto;
  const rendered = renderDiagramSvg(diagram, layout, mode);
  const clientData = buildClientData(data, diagram, layout, mode);
  return page(data, diagram, layout, mode, rendered.svg, clientData, rendered.rows);
}

/** Column facts packed into one number per column: the payload of 1,000 tables stays small. */
const PK = 1;
const FK = 2;
const NULLABLE = 4;
const UNINDEXED = 8;
const UNTYPED = 16;
const ENCRYPTED = 32;

function buildClientData(data: ReportData, diagram: DiagramModel, layout: DiagramLayout, mode: DetailMode): unknown {
  const root = data.root;
  // NOTE: help texts repeat per rule; they are sent once and referenced by position.
  const helps: string[] = [];
  const helpIndex = new Map<string, number>();
  const helpOf = (help: string) => {
    let i = helpIndex.get(help);
    if (i === undefined) {
      i = helps.push(help) - 1;
      helpIndex.set(help, i);
    }
    return i;
  };
  return {
    mode,
    width: layout.width,
    height: layout.height,
    ...(data.sourceLinkBase ? { linkBase: data.sourceLinkBase } : {}),
    tables: diagram.tables.map((t) => {
      const at = layout.tables[t.index]!;
      return {
        n: t.name,
        ...(t.schema !== undefined ? { s: t.schema } : {}),
        q: t.qualified,
        f: t.file,
        l: t.line,
        k: t.classes,
        d: t.undeclaredCount,
        x: Math.round(at.x),
        y: Math.round(at.y),
        w: at.box.width,
        h: at.box.height,
        cols: t.columns.map((c) => {
          const flags = (c.primaryKey ? PK : 0) | (c.foreignKey ? FK : 0) | (c.nullable ? NULLABLE : 0) | (c.unindexedForeignKey ? UNINDEXED : 0) | (c.untypedJson ? UNTYPED : 0) | (c.encrypted ? ENCRYPTED : 0);
          return [c.name, c.type, flags, c.sensitivity ?? '', c.dataClass ?? '', c.category ?? '', c.confidence ?? ''];
        }),
      };
    }),
    edges: diagram.edges.map((e) => [e.parent, e.child, e.onDelete, e.columns.join(', '), e.targetColumns.join(', '), e.unindexed ? 1 : 0, e.onUpdate ?? '']),
    unresolved: diagram.unresolved.map((u) => [u.table, u.columns.join(', '), u.target]),
    helps,
    // NOTE: errors first, then source order (the order lintSync returns).
    findings: [...data.diagnostics].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]).map((d) => ({
      r: d.ruleId,
      s: d.severity,
      m: d.message,
      ...(d.help ? { h: helpOf(d.help) } : {}),
      f: displayPath(root, d.span.file),
      l: d.span.start.line,
      c: d.span.start.column,
      ...(typeof d.properties.table === 'string' ? { t: d.properties.table } : {}),
      ...(d.suppression ? { sup: d.suppression.kind, why: d.suppression.justification } : {}),
    })),
    inventory: data.inventory,
  };
}

function page(data: ReportData, diagram: DiagramModel, layout: DiagramLayout, mode: DetailMode, svg: string, clientData: unknown, rows: readonly string[] | undefined): string {
  const css = reportCss();
  const json = jsonForScript(clientData);
  const script = CLIENT_SCRIPT;
  // NOTE: the CSP allows exactly this stylesheet and this script (by hash) and no fetch of any
  // kind, so a view of the report can never reach the network, and injected markup could not run.
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(css)}'`,
    `script-src '${sha256(script)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = data.title ?? 'Schema governance report';
  const active = data.diagnostics.filter((d) => !d.suppression);
  const suppressed = data.diagnostics.length - active.length;
  const errors = active.filter((d) => d.severity === 'error').length;
  const warnings = active.length - errors;
  const schemas = [...new Set(diagram.tables.map((t) => t.schema ?? 'public'))].sort();
  const rules = [...new Set(data.diagnostics.map((d) => d.ruleId))].sort();
  const ruleCounts = new Map<string, number>();
  for (const d of active) ruleCounts.set(d.ruleId, (ruleCounts.get(d.ruleId) ?? 0) + 1);
  const byAction = new Map<string, number>();
  for (const e of diagram.edges) byAction.set(e.onDelete, (byAction.get(e.onDelete) ?? 0) + 1);
  const phiTables = diagram.tables.filter((t) => t.classes.includes('phi')).length;
  const sensitiveTables = diagram.tables.filter((t) => t.classes.length > 0).length;
  const undeclared = data.inventory.filter((r) => !r.declared).length;
  const unindexed = diagram.edges.filter((e) => e.unindexed).length;
  const untyped = diagram.tables.reduce((n, t) => n + t.untypedCount, 0);
  const cascades = byAction.get('cascade') ?? 0;
  const columns = diagram.tables.reduce((n, t) => n + t.columns.length, 0);
  const meta = [`schema-lint ${escapeHtml(data.toolVersion)}`, data.generatedAt ? `generated ${escapeHtml(data.generatedAt)}` : '', `${data.model.files.length} schema ${data.model.files.length === 1 ? 'file' : 'files'}`, `paths relative to ${escapeHtml(path.basename(data.root) ? `${path.basename(data.root)}/` : data.root)}`].filter(Boolean).join(' · ');

  const stat = (value: number | string, label: string, cls = '') => `<li class="stat${cls ? ` ${cls}` : ''}"><b>${value}</b><span>${label}</span></li>`;
  const legendClasses = SENSITIVITY_ORDER.map((c) => `<span class="item"><span class="pill ${c === 'unclassified' ? 'g-inferred' : `g-${c}`}">${c === 'unclassified' ? 'PHI? / PII?' : CLASS_LABEL[c]}</span>${c === 'unclassified' ? ' inferred, not declared' : ''}</span>`).join('');
  const legendActions = ACTION_ORDER.map((a) => `<span class="item"><svg width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="33" y2="5" class="line l-${actionSlug(a)}"/></svg>${a === 'undeclared' ? 'ON DELETE not declared' : a.toUpperCase()}</span>`).join('');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="schema-lint ${escapeHtml(data.toolVersion)}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<a class="skip" href="#findings">Skip to findings</a>
<div class="screen">
<header class="top">
<h1>${escapeHtml(title)}</h1>
<p class="meta">${meta}</p>
</header>
<ul class="stats" aria-label="Summary">
${stat(diagram.tables.length, `tables${schemas.length > 1 ? ` in ${schemas.length} schemas` : ''} · ${columns} columns`)}
${stat(diagram.edges.length, 'relations')}
${stat(phiTables, 'tables with PHI', phiTables > 0 ? 's-alert' : '')}
${stat(data.inventory.length, `sensitive columns (${sensitiveTables} tables)`)}
${stat(undeclared, 'undeclared', undeclared > 0 ? 's-flag' : '')}
${stat(cascades, 'cascades', cascades > 0 ? 's-cascade' : '')}
${stat(unindexed, 'unindexed FKs', unindexed > 0 ? 's-flag' : '')}
${stat(untyped, 'untyped JSON', untyped > 0 ? 's-flag' : '')}
<li class="stat${errors > 0 ? ' s-alert' : ''}"><b>${errors}</b><span>${errors === 1 ? 'error' : 'errors'} ·</span><b>${warnings}</b><span>${warnings === 1 ? 'warning' : 'warnings'}${suppressed > 0 ? ` (${suppressed} suppressed)` : ''}</span></li>
</ul>
<main class="workspace" id="main">
<section class="diagram-wrap" aria-label="Entity-relationship diagram">
<div class="toolbar" role="toolbar" aria-label="Diagram controls">
<div class="grow"><label class="sr-only" for="search">Search tables</label><input id="search" type="search" placeholder="Search tables  ( / )" autocomplete="off" spellcheck="false" aria-describedby="search-count"></div>
<output id="search-count" for="search" aria-live="polite"></output>
<span class="btn-group"><button type="button" class="btn" id="zoom-out" aria-label="Zoom out">&minus;</button><button type="button" class="btn" id="zoom-in" aria-label="Zoom in">+</button><button type="button" class="btn" id="zoom-fit" aria-label="Fit the diagram to the view">Fit</button><button type="button" class="btn" id="zoom-reset" aria-label="Zoom to 100 percent">1:1</button></span>
<details><summary>Show</summary><div class="menu"><fieldset><legend>Classification</legend>
${SENSITIVITY_ORDER.map((c) => `<label><input type="checkbox" name="cls" value="${c}" checked> <span class="pill ${c === 'unclassified' ? 'g-inferred' : `g-${c}`}">${CLASS_LABEL[c]}</span> tables</label>`).join('\n')}
<label><input type="checkbox" name="cls" value="none" checked> tables with no sensitive data</label>
</fieldset>${schemas.length > 1 ? `<fieldset><legend>Schema</legend><label><select id="schema-filter" aria-label="Schema"><option value="">all schemas</option>${schemas.map((s) => `<option value="${escapeHtml(s)}">${escapeHtml(s)}</option>`).join('')}</select></label></fieldset>` : ''}
</div></details>
<details><summary>Overlays</summary><div class="menu"><fieldset><legend>Draw</legend>
<label><input type="checkbox" id="ov-class" checked> classification colours and tags</label>
<label><input type="checkbox" id="ov-actions" checked> ON DELETE actions</label>
<label><input type="checkbox" id="ov-flags" checked> unindexed FKs and untyped JSON</label>
${layout.groups.length > 0 ? `<label><input type="checkbox" id="ov-far"${mode === 'lazy' ? '' : ' checked'}> relations between groups (slow when zoomed out)</label>` : ''}
</fieldset></div></details>
<details class="kbd-help"><summary>Keys</summary><div class="menu" id="kbd-help"><p>In the diagram: <kbd>&larr;</kbd><kbd>&uarr;</kbd><kbd>&rarr;</kbd><kbd>&darr;</kbd> pan, <kbd>+</kbd> <kbd>&minus;</kbd> zoom, <kbd>0</kbd> fit, <kbd>n</kbd> / <kbd>p</kbd> next / previous table, <kbd>e</kbd> show its columns, <kbd>Esc</kbd> clear. Anywhere: <kbd>/</kbd> search; <kbd>Enter</kbd> in the search selects the first match.</p><p>Mouse: wheel zooms, drag pans, click selects.</p></div></details>
</div>
<div id="diagram" tabindex="0" aria-label="Diagram canvas: arrow keys pan, plus and minus zoom, n selects the next table" aria-describedby="kbd-help">
${svg}
</div>
<div class="legend" aria-label="Legend">${legendClasses}<span class="item"><span class="pill g-flag">NO INDEX</span><span class="pill g-flag">UNTYPED</span></span><span class="item"><span class="pill g-enc">ENC</span> encrypted</span>${legendActions}<span class="item"><svg width="40" height="12" aria-hidden="true"><path d="M1 6H39M6 1V11M28 6L39 1M28 6L39 11" stroke="currentColor" stroke-width="1.4" fill="none"/></svg>referenced &rarr; referencing table</span></div>
</section>
<aside class="panel" aria-label="Table details">
<div id="details"><h2>Select a table</h2><p class="lead">The diagram needs JavaScript for selection; the findings and data inventory below need it too.</p></div>
<p id="live" class="sr-only" aria-live="polite"></p>
</aside>
</main>
</div>
<section class="block" id="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Findings (${active.length}${suppressed > 0 ? ` + ${suppressed} suppressed` : ''})</h2>
<ul class="chips" id="rule-chips" aria-label="Findings by rule">${[...ruleCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, n]) => `<li><button type="button" data-rule="${escapeHtml(rule)}" aria-pressed="false">${escapeHtml(rule)} <b>${n}</b></button></li>`).join('')}</ul>
<div class="filters">
<label>Rule<select id="f-rule"><option value="">all rules</option>${rules.map((r) => `<option value="${escapeHtml(r)}">${escapeHtml(r)}</option>`).join('')}</select></label>
<label>Severity<select id="f-sev"><option value="">all</option><option value="error">errors</option><option value="warn">warnings</option></select></label>
<label>Table<input id="f-table" type="search" placeholder="table name" autocomplete="off"></label>
${suppressed > 0 ? `<label class="inline"><input type="checkbox" id="f-suppressed"> show ${suppressed} suppressed</label>` : ''}
</div>
<p class="count-line" id="findings-count" aria-live="polite"></p>
<div class="scroll"><table class="data" id="findings-table"><thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Table</th><th scope="col">Message</th><th scope="col">Location</th></tr></thead><tbody id="findings-body"></tbody></table></div>
<p><button type="button" class="btn" id="findings-more" hidden>Show more</button></p>
</section>
<section class="block" id="inventory" aria-labelledby="inventory-title">
<h2 id="inventory-title">Data inventory (${data.inventory.length} sensitive columns)</h2>
<div class="filters">
<label>Class<select id="i-class"><option value="">all</option><option value="phi">PHI</option><option value="special">special category</option><option value="pii">PII</option><option value="credential">credentials</option><option value="undeclared">not yet declared</option></select></label>
<label>Search<input id="i-text" type="search" placeholder="table, column or category" autocomplete="off"></label>
</div>
<p class="count-line" id="inventory-count" aria-live="polite"></p>
<div class="scroll"><table class="data" id="inventory-table"><thead><tr><th scope="col">Table</th><th scope="col">Column</th><th scope="col">Class</th><th scope="col">Category</th><th scope="col">Source</th><th scope="col">Encrypted</th><th scope="col">Retention</th><th scope="col">Location</th></tr></thead><tbody id="inventory-body"></tbody></table></div>
<p><button type="button" class="btn" id="inventory-more" hidden>Show more</button></p>
</section>
<footer>Generated by schema-lint ${escapeHtml(data.toolVersion)}. Source links are relative paths: they open when this file sits in the folder the report was generated for.${diagram.unresolved.length > 0 ? ` ${diagram.unresolved.length} foreign ${diagram.unresolved.length === 1 ? 'key points' : 'keys point'} outside the loaded schema and ${diagram.unresolved.length === 1 ? 'is' : 'are'} not drawn.` : ''}</footer>
<div id="tooltip" role="tooltip" hidden></div>
<script type="application/json" id="report-data">${json}</script>
${rows ? `<script type="text/plain" id="report-rows">${rowsBlock(rows)}</script>` : ''}
<script>${script}</script>
</body>
</html>
`;
}

/**
 * Lazy-mode row markup, one table per line, in a data block the browser never runs. The markup is
 * already escaped (user text has no `<`), and ours never contains `</script` or `<!--`, so it
 * needs no JSON escaping — which would grow every `<` to six characters.
 */
function rowsBlock(rows: readonly string[]): string {
  return rows.map((r) => r.replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')).join('\n');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
