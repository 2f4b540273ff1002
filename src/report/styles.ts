import { ACTION_ORDER, SENSITIVITY_ORDER } from './diagram-model.js';
import { HEADER_FONT, ROW_FONT, TAG_FONT } from './geometry.js';
import { ACCENT, ACTION_COLOURS, ACTION_DASH, BORDER, CANVAS, CLASS_COLOURS, CONTROL_BORDER, ENCRYPTED_COLOUR, ERROR_TEXT, FLAG_COLOUR, INK, MUTED, PLAIN_HEADER, SELECTED, SURFACE, WARNING_TEXT } from './palette.js';
import { actionSlug } from './render-svg.js';

/** System font stacks only: the report must not fetch fonts (or anything else) when viewed. */
export const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';
export const MONO = 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';

export function reportCss(): string {
  const perClass = SENSITIVITY_ORDER.map((c) => {
    const { strong, soft } = CLASS_COLOURS[c];
    return [
      `.erd .c-${c} .th{fill:${soft}}`,
      `.erd .c-${c} .tb{stroke:${strong};stroke-width:1.6}`,
      `.erd.zoom-far .c-${c} .tb{fill:${soft}}`,
      `.erd .c-${c} .tp{fill:url(#pat-${c})}`,
      `.erd .pf-${c}{fill:${strong};fill-opacity:.17}`,
      `.erd .k-${c} .rb{fill:${soft};fill-opacity:.75}`,
      `.erd .k-${c} .rs{fill:${strong}}`,
      `.erd .g-${c} rect,.pill.g-${c}{fill:${strong};background:${strong};color:#fff;border-color:${strong}}`,
    ].join('\n');
  }).join('\n');
  const perAction = ACTION_ORDER.map((a) => {
    const slug = actionSlug(a);
    const dash = ACTION_DASH[a];
    const width = a === 'cascade' ? 2.4 : 1.6;
    return [
      `.erd .a-${slug}{stroke:${ACTION_COLOURS[a]};stroke-width:${width};${dash ? `stroke-dasharray:${dash};` : ''}marker-start:url(#one-${slug});marker-end:url(#many-${slug})}`,
      `.line.l-${slug}{stroke:${ACTION_COLOURS[a]};stroke-width:${width};${dash ? `stroke-dasharray:${dash};` : ''}}`,
    ].join('\n');
  }).join('\n');
  return `
:root{color-scheme:light;--ink:${INK};--muted:${MUTED};--canvas:${CANVAS};--surface:${SURFACE};--border:${BORDER};--accent:${ACCENT};--flag:${FLAG_COLOUR};--enc:${ENCRYPTED_COLOUR};--cascade:${ACTION_COLOURS.cascade};--phi:${CLASS_COLOURS.phi.strong};--unclassified:${CLASS_COLOURS.unclassified.strong}}
*{box-sizing:border-box}
html,body{margin:0;background:var(--canvas);color:var(--ink);font:14px/1.45 ${SANS}}
a{color:var(--accent)}
code,.mono{font-family:${MONO};font-size:.92em}
button,input,select{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:8px;top:-40px;background:var(--surface);padding:6px 10px;border-radius:6px;z-index:10}
.skip:focus{top:8px}
header.top{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:2px 24px;padding:12px 24px 2px}
header.top h1{margin:0;font-size:20px;letter-spacing:-.01em}
header.top .meta{margin:0;color:var(--muted);font-size:12.5px}
.stats{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:6px 24px 10px;padding:0}
.stat{background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:4px 10px;display:flex;align-items:baseline;gap:6px}
.stat b{font-size:17px;line-height:1.3}
.stat span{font-size:12.5px;color:var(--muted)}
.stat.s-alert{border-left:4px solid var(--phi)}
.stat.s-flag{border-left:4px solid var(--flag)}
.stat.s-cascade{border-left:4px solid var(--cascade)}
.screen{display:flex;flex-direction:column;height:100vh;min-height:560px;max-height:1300px}
.workspace{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1fr) 370px;gap:12px;padding:0 24px 12px}
.diagram-wrap{display:flex;flex-direction:column;min-height:0;min-width:0;background:var(--surface);border:1px solid var(--border);border-radius:10px;overflow:hidden}
.toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;padding:8px 10px;border-bottom:1px solid var(--border);background:#fafbfc}
.toolbar .grow{flex:1 1 180px;min-width:150px;max-width:320px}
.toolbar input[type=search]{width:100%;padding:5px 9px;border:1px solid ${CONTROL_BORDER};border-radius:6px;background:#fff}
.btn{border:1px solid ${CONTROL_BORDER};background:#fff;border-radius:6px;padding:4px 9px;min-width:32px;line-height:1.2}
.btn:hover{background:#eef2f7}
.btn-group{display:inline-flex;gap:4px}
.toolbar details{position:relative}
.toolbar summary{list-style:none;border:1px solid ${CONTROL_BORDER};border-radius:6px;padding:4px 9px;background:#fff;cursor:pointer}
.toolbar summary::-webkit-details-marker{display:none}
.toolbar summary::after{content:" \\25BE"}
.menu{position:absolute;z-index:5;top:calc(100% + 4px);left:0;background:#fff;border:1px solid var(--border);border-radius:8px;box-shadow:0 6px 24px rgba(15,23,42,.16);padding:8px 12px;min-width:230px}
.menu label{display:flex;align-items:center;gap:8px;padding:3px 0;white-space:nowrap}
.menu fieldset{border:0;margin:0;padding:0}
.menu legend{font-weight:600;font-size:12px;color:var(--muted);padding:0 0 4px}
#search-count{font-size:12px;color:var(--muted);min-width:5em}
#diagram{position:relative;flex:1;min-height:0;overflow:hidden;cursor:grab;touch-action:none;background-color:var(--canvas);background-image:radial-gradient(#d5dbe4 1px,transparent 1px);background-size:22px 22px}
#diagram.dragging{cursor:grabbing}
#diagram:focus-visible{outline:3px solid var(--accent);outline-offset:-3px}
#erd{display:block;width:100%;height:100%;user-select:none;-webkit-user-select:none}
.legend{display:flex;flex-wrap:wrap;align-items:center;gap:3px 12px;padding:5px 10px;border-top:1px solid var(--border);font-size:12px;color:var(--muted);background:#fafbfc}
.legend .item{display:inline-flex;align-items:center;gap:5px}
.legend svg{overflow:visible}
.kbd-help{font-size:12px;color:var(--muted)}
.kbd-help summary{cursor:pointer}
kbd{font-family:${MONO};font-size:11px;border:1px solid #b4bcc8;border-bottom-width:2px;border-radius:4px;padding:0 4px;background:#fff}
.panel{min-height:0;overflow:auto;background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:12px 16px}
.panel h2{font-size:15px;margin:0 0 6px}
.panel h3{font-size:13px;margin:14px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.panel .lead{margin:6px 0}
.panel ol,.panel ul{margin:4px 0;padding-left:20px}
.panel li{margin:2px 0}
.panel .empty{color:var(--muted)}
.linkish{border:0;background:none;padding:0;color:var(--accent);text-decoration:underline;text-underline-offset:2px}
.chain li{list-style:none;margin-left:-20px;padding:3px 0 3px 8px;border-left:3px solid var(--cascade)}
.chain .via{color:var(--muted);font-size:12.5px}
.blocked li{list-style:none;margin-left:-20px;padding:3px 0 3px 8px;border-left:3px dotted var(--muted)}
.cols{width:100%;border-collapse:collapse;font-size:12.5px}
.cols td,.cols th{padding:3px 6px 3px 0;text-align:left;vertical-align:top;border-bottom:1px solid #edf0f4}
.cols th{font-weight:600;color:var(--muted)}
.table-list{list-style:none;margin:4px 0;padding:0}
.table-list li{margin:0}
.table-list button{display:flex;width:100%;align-items:center;gap:6px;border:0;background:none;text-align:left;padding:3px 6px;border-radius:5px}
.table-list button:hover,.table-list button:focus-visible{background:#eef2f7}
.pill{display:inline-block;font:700 10px/1 ${SANS};letter-spacing:.03em;padding:3px 5px;border-radius:3px;border:1px solid transparent;vertical-align:1px;white-space:nowrap}
.pill.g-inferred{background:#fff;color:var(--unclassified);border:1px dashed var(--unclassified)}
.pill.g-flag{background:#fff;color:var(--flag);border-color:var(--flag)}
.pill.g-enc{background:#fff;color:var(--enc);border-color:var(--enc)}
.pill.g-cascade{background:var(--cascade);color:#fff}
.pill.g-action{background:#fff;color:var(--ink);border-color:#98a2b3;font-weight:600}
section.block{margin:16px 24px;background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:12px 16px}
section.block h2{font-size:17px;margin:0 0 8px}
.filters{display:flex;flex-wrap:wrap;align-items:end;gap:8px 14px;margin:0 0 8px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
.filters label.inline{flex-direction:row;align-items:center;gap:6px;color:var(--ink);font-size:13px}
.filters select,.filters input[type=search]{padding:4px 8px;border:1px solid ${CONTROL_BORDER};border-radius:6px;background:#fff;min-width:160px}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 10px;padding:0;list-style:none}
.chips button{border:1px solid var(--border);background:#f7f9fb;border-radius:999px;padding:2px 10px;font-size:12.5px}
.chips button[aria-pressed=true]{background:var(--ink);color:#fff;border-color:var(--ink)}
.data{width:100%;border-collapse:collapse;font-size:13px}
.data th{position:sticky;top:0;background:#f1f4f8;text-align:left;font-weight:600;padding:6px 8px;border-bottom:1px solid var(--border)}
.data td{padding:5px 8px;border-bottom:1px solid #edf0f4;vertical-align:top}
.data tr.suppressed td{color:var(--muted)}
.data td.msg{max-width:620px}
.data .help{display:block;color:var(--muted);font-size:12px}
.sev{font-weight:700;white-space:nowrap}
.sev-error{color:${ERROR_TEXT}}
.sev-warn{color:${WARNING_TEXT}}
.count-line{font-size:12.5px;color:var(--muted);margin:6px 0}
.scroll{max-height:70vh;overflow:auto;border:1px solid #edf0f4;border-radius:6px}
#tooltip{position:fixed;z-index:20;pointer-events:none;max-width:380px;background:${INK};color:#fff;font-size:12.5px;line-height:1.4;padding:6px 9px;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
#tooltip[hidden]{display:none}
footer{margin:10px 24px 24px;font-size:12px;color:var(--muted)}
@media (max-width:1000px){.screen{height:auto;max-height:none}.workspace{grid-template-columns:1fr}.diagram-wrap{height:75vh}.panel{max-height:none}}
@media (max-width:640px){header.top,.workspace{padding-left:10px;padding-right:10px}.stats,section.block{margin-left:10px;margin-right:10px}}
/* diagram */
.erd text{font-family:${MONO};font-size:${ROW_FONT}px;fill:${INK}}
.erd .tn{font-family:${SANS};font-weight:700;font-size:${HEADER_FONT}px}
.erd .ts{font-weight:600;font-size:${HEADER_FONT - 2}px;fill:${MUTED}}
.erd .t{cursor:pointer}
.erd .tb{fill:${SURFACE};stroke:${CONTROL_BORDER};stroke-width:1}
.erd .th{fill:${PLAIN_HEADER}}
.erd .tp{fill:none;pointer-events:none}
.erd .rk{font-family:${SANS};font-size:9.5px;font-weight:700;fill:${MUTED}}
.erd .rt{text-anchor:end;fill:${MUTED}}
.erd .r.more .rn{fill:${MUTED};font-style:italic}
.erd .sum{font-family:${SANS};font-size:12px;fill:${MUTED}}
.erd .t.x .sum{display:none}
.erd .tag text{font-family:${SANS};font-size:${TAG_FONT}px;font-weight:700;fill:#fff;text-anchor:middle;letter-spacing:.03em}
.erd .g-inferred rect{fill:#fff;stroke:${CLASS_COLOURS.unclassified.strong};stroke-dasharray:2.5 1.5}
.erd .g-inferred text{fill:${CLASS_COLOURS.unclassified.strong}}
.erd .g-flag rect{fill:#fff;stroke:${FLAG_COLOUR}}
.erd .g-flag text{fill:${FLAG_COLOUR}}
.erd .g-enc rect{fill:#fff;stroke:${ENCRYPTED_COLOUR}}
.erd .g-enc text{fill:${ENCRYPTED_COLOUR}}
.erd .k-unclassified .rs{fill:url(#pat-unclassified)}
.erd .pf-unclassified{fill-opacity:.9}
.erd .e{fill:none}
.erd .e.far{stroke-opacity:.4}
.erd .grp rect{fill:rgba(255,255,255,.55);stroke:#a9b3c1;stroke-dasharray:6 4}
.erd .grp text{font-family:${SANS};font-size:16px;font-weight:600;fill:${MUTED}}
.erd .hid{display:none}
.erd .badge rect{fill:${ACTION_COLOURS.cascade}}
.erd .badge.sel-badge rect{fill:${SELECTED}}
.erd .badge text{font-family:${SANS};font-size:10.5px;font-weight:700;fill:#fff}
.erd.searching .t:not(.match){opacity:.2}
.erd.searching .e{opacity:.15}
.erd .t.match .tb{stroke:${ACCENT};stroke-width:3}
.erd.focus .t{opacity:.3}
.erd.focus .e{opacity:.1}
.erd.focus .t.sel,.erd.focus .t.casc,.erd.focus .t.nb{opacity:1}
.erd.focus .e.rel{opacity:.9}
.erd.focus .e.hl{opacity:1;stroke-width:4.5;stroke-opacity:1}
.erd .t.sel .tb{stroke:${SELECTED};stroke-width:3.5}
.erd .t.casc .tb{stroke:${ACTION_COLOURS.cascade};stroke-width:3.5}
.erd .t.kbd .tb{stroke:${ACCENT};stroke-width:3;stroke-dasharray:5 3}
.erd.no-class .th{fill:${PLAIN_HEADER}}
.erd.no-class .tp,.erd.no-class .rb,.erd.no-class .rs,.erd.no-class .tag:not(.g-flag){display:none}
.erd.no-class .t .tb{stroke:${CONTROL_BORDER};stroke-width:1}
.erd.no-actions .e{stroke:#667085;stroke-dasharray:none;stroke-width:1.4;marker-start:none;marker-end:none}
.erd.no-flags .g-flag{display:none}
.erd.hide-far .e.far:not(.rel):not(.hl){display:none}
.erd.zoom-far .t text,.erd.zoom-far .t .tag,.erd.zoom-far .t .rows,.erd.zoom-far .badge{display:none}
.erd.zoom-far .t .tb{stroke-width:1;vector-effect:non-scaling-stroke;fill:${PLAIN_HEADER}}
.erd .t.match .tb,.erd .t.sel .tb,.erd .t.casc .tb,.erd .e.hl,.erd .e.rel{vector-effect:non-scaling-stroke}
.erd.zoom-far .t.match .tb{fill:${ACCENT}}
.erd.zoom-far .t.sel .tb{fill:${SELECTED}}
.erd.zoom-far .t.casc .tb{fill:${ACTION_COLOURS.cascade}}
${perClass}
${perAction}
`;
}
