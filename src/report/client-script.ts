/**
 * The report's browser script, inlined into the HTML at generation time. It is kept as a string
 * constant (not a file read at run time) so the report renders the same from `dist/`, from the
 * esbuild bundle and from the sources. The project's tsconfig has no DOM library, so this is
 * plain ES2017, checked by the browser tests (which fail on any console error) and by a syntax
 * test. Rules for editing it: no backticks and no `${` (it sits in a template literal), build
 * every element with createElement/textContent (user text never goes through innerHTML; the
 * only innerHTML is the server-escaped row markup of lazy mode), and keep the DOM small.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
'use strict';
var DATA = JSON.parse(document.getElementById('report-data').textContent);
var T = DATA.tables, E = DATA.edges, F = DATA.findings, INV = DATA.inventory;
var ROWS = DATA.mode === 'lazy' ? document.getElementById('report-rows').textContent.split('\n') : [];
var svg = document.getElementById('erd');
var vp = document.getElementById('viewport');
var box = document.getElementById('diagram');
var live = document.getElementById('live');
var tip = document.getElementById('tooltip');
var SVGNS = 'http://www.w3.org/2000/svg';
var ACTION_LABEL = { 'cascade': 'CASCADE', 'set null': 'SET NULL', 'set default': 'SET DEFAULT', 'restrict': 'RESTRICT', 'no action': 'NO ACTION', 'undeclared': 'not declared (NO ACTION)' };
var CLASS_LABEL = { phi: 'PHI', special: 'SPECIAL', pii: 'PII', credential: 'CREDENTIAL', unclassified: 'UNDECLARED' };
var DETAIL_ZOOM = 0.42, FAR_ZOOM = 0.2, MAX_DETAILED = 350, MIN_ZOOM = 0.01, MAX_ZOOM = 3;

var tableEls = new Array(T.length), edgeEls = new Array(E.length);
Array.prototype.forEach.call(svg.querySelectorAll('g.t'), function (g) { tableEls[+g.getAttribute('data-i')] = g; });
Array.prototype.forEach.call(svg.querySelectorAll('path.e'), function (p) { edgeEls[+p.getAttribute('data-e')] = p; });
var byName = Object.create(null);
T.forEach(function (t, i) { if (!(t.q in byName)) byName[t.q] = i; });
var refsOut = T.map(function () { return []; }), refsIn = T.map(function () { return []; });
E.forEach(function (e, j) { refsOut[e[1]].push(j); refsIn[e[0]].push(j); });

function el(tag, cls, text) {
  var node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
function pill(label, kind, title) {
  var p = el('span', 'pill g-' + kind, label);
  if (title) p.title = title;
  return p;
}
function classPills(t) {
  var out = [];
  t.k.forEach(function (c) { if (c !== 'unclassified') out.push(pill(CLASS_LABEL[c], c)); });
  if (t.d > 0) out.push(pill(t.d + ' undeclared', 'inferred', 'Columns the classifier finds sensitive, not declared'));
  return out;
}
function sourceLink(file, line, column) {
  var a = el('a', 'mono', file + ':' + line + (column ? ':' + column : ''));
  a.href = DATA.linkBase ? DATA.linkBase + file.split('/').map(encodeURIComponent).join('/') + '#L' + line : file.split('/').map(function (s) { return s === '..' || s === '.' ? s : encodeURIComponent(s); }).join('/');
  return a;
}
function edgeText(j) {
  var e = E[j];
  return T[e[1]].q + '.' + e[3] + ' \u2192 ' + T[e[0]].q + '.' + e[4];
}

/* ---- pan and zoom ---- */
var view = { x: 0, y: 0, k: 1 };
var frame = 0, far = null;
function applyView() {
  vp.setAttribute('transform', 'translate(' + view.x.toFixed(1) + ' ' + view.y.toFixed(1) + ') scale(' + view.k.toFixed(4) + ')');
  /* Zoomed far out, text is too small to read and costly to paint: the overview shows boxes. */
  var isFar = view.k < FAR_ZOOM;
  if (isFar !== far) { far = isFar; svg.classList.toggle('zoom-far', isFar); }
  if (!frame) frame = requestAnimationFrame(function () { frame = 0; updateDetail(); });
}
function size() { var r = box.getBoundingClientRect(); return { w: r.width || 800, h: r.height || 600, left: r.left, top: r.top }; }
function clampZoom(k) { return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k)); }
function zoomAt(factor, cx, cy) {
  var k = clampZoom(view.k * factor), f = k / view.k;
  view.x = cx - (cx - view.x) * f; view.y = cy - (cy - view.y) * f; view.k = k;
  applyView();
}
function zoomCenter(factor) { var s = size(); zoomAt(factor, s.w / 2, s.h / 2); }
function fit() {
  var s = size();
  var k = clampZoom(Math.min(s.w / DATA.width, s.h / DATA.height, 1.25));
  view.k = k; view.x = (s.w - DATA.width * k) / 2; view.y = (s.h - DATA.height * k) / 2;
  applyView();
}
function centerOn(i, minZoom) {
  var t = T[i], s = size();
  var k = Math.max(view.k, minZoom || 0.8);
  k = clampZoom(Math.min(k, s.w / (t.w + 80), s.h / (t.h + 80), 1.4));
  view.k = k; view.x = s.w / 2 - (t.x + t.w / 2) * k; view.y = s.h / 2 - (t.y + t.h / 2) * k;
  applyView();
}
box.addEventListener('wheel', function (ev) {
  ev.preventDefault();
  var s = size();
  var delta = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
  zoomAt(Math.exp(-delta * (ev.ctrlKey ? 0.01 : 0.0015)), ev.clientX - s.left, ev.clientY - s.top);
}, { passive: false });
var drag = null;
box.addEventListener('pointerdown', function (ev) {
  if (ev.button !== 0) return;
  drag = { id: ev.pointerId, x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false, target: ev.target };
});
box.addEventListener('pointermove', function (ev) {
  if (!drag) { hover(ev); return; }
  var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
  if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) { drag.moved = true; box.setPointerCapture(drag.id); box.classList.add('dragging'); tip.hidden = true; }
  if (drag.moved) { view.x = drag.vx + dx; view.y = drag.vy + dy; applyView(); }
});
function endDrag(ev) {
  if (!drag) return;
  var d = drag; drag = null;
  box.classList.remove('dragging');
  if (!d.moved && ev.type === 'pointerup') {
    var g = d.target && d.target.closest ? d.target.closest('g.t') : null;
    if (g) select(+g.getAttribute('data-i'), false); else clearSelection();
  }
}
box.addEventListener('pointerup', endDrag);
box.addEventListener('pointercancel', endDrag);
box.addEventListener('pointerleave', function () { tip.hidden = true; });
document.getElementById('zoom-in').addEventListener('click', function () { zoomCenter(1.3); });
document.getElementById('zoom-out').addEventListener('click', function () { zoomCenter(1 / 1.3); });
document.getElementById('zoom-fit').addEventListener('click', fit);
document.getElementById('zoom-reset').addEventListener('click', function () { var s = size(); zoomAt(1 / view.k, s.w / 2, s.h / 2); });

var cursor = -1;
function visibleOrder() {
  var list = [];
  for (var i = 0; i < T.length; i++) if (!hidden[i] && (!matchSet || matchSet[i])) list.push(i);
  return list;
}
function step(dir) {
  var list = visibleOrder();
  if (!list.length) return;
  var at = list.indexOf(cursor);
  cursor = list[(at + dir + list.length) % list.length];
  select(cursor, true);
}
box.addEventListener('keydown', function (ev) {
  var s = size(), pan = 80;
  switch (ev.key) {
    case 'ArrowLeft': view.x += pan; applyView(); break;
    case 'ArrowRight': view.x -= pan; applyView(); break;
    case 'ArrowUp': view.y += pan; applyView(); break;
    case 'ArrowDown': view.y -= pan; applyView(); break;
    case '+': case '=': zoomAt(1.25, s.w / 2, s.h / 2); break;
    case '-': case '_': zoomAt(0.8, s.w / 2, s.h / 2); break;
    case '0': fit(); break;
    case 'n': case ']': step(1); break;
    case 'p': case '[': step(-1); break;
    case 'Escape': clearSelection(); break;
    case 'e': if (selected >= 0) toggleExpanded(selected); break;
    default: return;
  }
  ev.preventDefault();
});
document.addEventListener('keydown', function (ev) {
  var tag = ev.target && ev.target.tagName;
  if (ev.key === '/' && tag !== 'INPUT' && tag !== 'SELECT' && tag !== 'TEXTAREA') { ev.preventDefault(); searchInput.focus(); searchInput.select(); }
});

/* ---- level of detail: lazy mode draws column rows only for tables in view ---- */
var detailed = new Set(), expanded = new Set();
function setRows(i, on) {
  var g = tableEls[i], rows = g.querySelector('.rows');
  if (on) { rows.innerHTML = ROWS[i]; g.classList.add('x'); detailed.add(i); }
  else { rows.textContent = ''; g.classList.remove('x'); detailed.delete(i); }
}
function updateDetail() {
  if (DATA.mode !== 'lazy') return;
  var want = new Set();
  expanded.forEach(function (i) { want.add(i); });
  if (view.k >= DETAIL_ZOOM) {
    var s = size();
    var x0 = -view.x / view.k, y0 = -view.y / view.k, x1 = x0 + s.w / view.k, y1 = y0 + s.h / view.k;
    for (var i = 0; i < T.length && want.size < MAX_DETAILED; i++) {
      var t = T[i];
      if (!hidden[i] && t.x + t.w >= x0 && t.x <= x1 && t.y + t.h >= y0 && t.y <= y1) want.add(i);
    }
  }
  detailed.forEach(function (i) { if (!want.has(i)) setRows(i, false); });
  want.forEach(function (i) { if (!detailed.has(i)) setRows(i, true); });
}
function toggleExpanded(i) {
  if (DATA.mode !== 'lazy') return;
  if (expanded.has(i)) expanded.delete(i); else expanded.add(i);
  updateDetail();
  if (selected === i) renderDetails(i);
}

/* ---- tooltip ---- */
var tipKey = '';
function hover(ev) {
  var t = ev.target, key = '', text = '';
  var edge = t.closest ? t.closest('path.e') : null;
  var row = !edge && t.closest ? t.closest('g.r') : null;
  var g = !edge && t.closest ? t.closest('g.t') : null;
  if (edge) {
    var j = +edge.getAttribute('data-e'), e = E[j];
    key = 'e' + j;
    text = edgeText(j) + '\nON DELETE ' + ACTION_LABEL[e[2]] + (e[6] ? ' \u00b7 ON UPDATE ' + e[6].toUpperCase() : '') + (e[5] ? '\nNo index covers ' + e[3] : '');
  } else if (row && g) {
    var ti = +g.getAttribute('data-i'), ri = row.getAttribute('data-r');
    if (ri !== null) {
      var c = T[ti].cols[+ri];
      key = 'c' + ti + '.' + ri;
      text = T[ti].q + '.' + c[0] + ': ' + c[1] + (c[2] & 4 ? '' : ' NOT NULL') + columnNote(c);
    }
  } else if (g) {
    var i = +g.getAttribute('data-i'), tt = T[i];
    key = 't' + i;
    text = tt.q + ' \u2014 ' + tt.cols.length + ' columns' + (tt.k.length ? ' \u00b7 ' + tt.k.map(function (c) { return c === 'unclassified' ? 'undeclared sensitive' : CLASS_LABEL[c]; }).join(', ') : '') + '\nClick to see what deleting a row removes';
  }
  if (!key) { tip.hidden = true; tipKey = ''; return; }
  if (key !== tipKey) { tip.textContent = text; tipKey = key; }
  tip.style.whiteSpace = 'pre-line';
  tip.style.left = Math.min(ev.clientX + 14, window.innerWidth - 390) + 'px';
  tip.style.top = (ev.clientY + 16) + 'px';
  tip.hidden = false;
}
function columnNote(c) {
  var parts = [];
  if (c[3] === 'unclassified') parts.push('looks like ' + c[4].toUpperCase() + ' (' + c[5] + ', ' + c[6] + ') but is not declared');
  else if (c[3]) parts.push('declared ' + CLASS_LABEL[c[3]] + (c[5] ? ' (' + c[5] + ')' : ''));
  if (c[2] & 32) parts.push('encrypted');
  if (c[2] & 8) parts.push('FK without a covering index');
  if (c[2] & 16) parts.push('JSON without a declared type');
  return parts.length ? '\n' + parts.join(' \u00b7 ') : '';
}

/* ---- cascade chains ---- */
function cascadeChain(start) {
  var seen = new Set([start]), chain = [], frontier = [start];
  for (var depth = 1; frontier.length; depth++) {
    var next = [];
    frontier.forEach(function (p) {
      refsIn[p].forEach(function (j) {
        var e = E[j];
        if (e[2] !== 'cascade' || seen.has(e[1])) return;
        seen.add(e[1]); chain.push({ t: e[1], depth: depth, via: j }); next.push(e[1]);
      });
    });
    frontier = next;
  }
  return chain;
}
var selected = -1, marked = [];
function mark(node, cls) { node.classList.add(cls); marked.push([node, cls]); }
function badge(i, label, cls) {
  var t = T[i], g = document.createElementNS(SVGNS, 'g');
  var w = label.length * 6.6 + 12;
  g.setAttribute('class', 'badge ' + cls);
  g.setAttribute('transform', 'translate(' + (t.w - w) + ' -19)');
  var r = document.createElementNS(SVGNS, 'rect');
  r.setAttribute('width', w); r.setAttribute('height', 16); r.setAttribute('rx', 4);
  var tx = document.createElementNS(SVGNS, 'text');
  tx.setAttribute('x', 6); tx.setAttribute('y', 11.5); tx.textContent = label;
  g.appendChild(r); g.appendChild(tx);
  tableEls[i].appendChild(g);
  marked.push([g, null]);
}
function clearMarks() {
  marked.forEach(function (m) { if (m[1]) m[0].classList.remove(m[1]); else m[0].remove(); });
  marked = [];
  svg.classList.remove('focus');
}
function clearSelection() {
  clearMarks();
  selected = -1;
  renderOverview();
  live.textContent = 'Selection cleared.';
}
function select(i, center) {
  clearMarks();
  selected = i; cursor = i;
  var chain = cascadeChain(i);
  var inChain = new Set([i]);
  chain.forEach(function (c) { inChain.add(c.t); });
  mark(tableEls[i], 'sel');
  badge(i, 'selected', 'sel-badge');
  chain.forEach(function (c) { mark(tableEls[c.t], 'casc'); badge(c.t, 'deleted \u00b7 ' + c.depth, 'casc-badge'); });
  E.forEach(function (e, j) {
    if (e[2] === 'cascade' && inChain.has(e[0]) && inChain.has(e[1]) && e[0] !== e[1]) mark(edgeEls[j], 'hl');
  });
  refsOut[i].concat(refsIn[i]).forEach(function (j) {
    var e = E[j];
    mark(edgeEls[j], 'rel');
    if (!inChain.has(e[0])) mark(tableEls[e[0]], 'nb');
    if (!inChain.has(e[1])) mark(tableEls[e[1]], 'nb');
  });
  svg.classList.add('focus');
  tableEls[i].parentNode.appendChild(tableEls[i]);
  renderDetails(i, chain);
  if (center) centerOn(i, 0.6);
  live.textContent = 'Selected ' + T[i].q + '. Deleting a row removes rows in ' + chain.length + (chain.length === 1 ? ' table' : ' tables') + ' through ON DELETE CASCADE.';
}

/* ---- side panel ---- */
var details = document.getElementById('details');
function section(title) { var h = el('h3', null, title); details.appendChild(h); return h; }
function tableButton(i, label, reveal) {
  var b = el('button', 'linkish', label || T[i].q);
  b.type = 'button';
  b.setAttribute('aria-label', 'Show ' + T[i].q + ' in the diagram');
  b.addEventListener('click', function () {
    select(i, true);
    if (reveal) document.getElementById('main').scrollIntoView({ block: 'start' });
  });
  return b;
}
function renderOverview() {
  details.textContent = '';
  var h = el('h2', null, 'Select a table');
  details.appendChild(h);
  details.appendChild(el('p', 'lead', 'Click a table in the diagram (or pick one below, or press n in the diagram) to see its columns, its relations and what deleting one of its rows removes through ON DELETE CASCADE.'));
  var roots = [];
  T.forEach(function (t, i) { var n = cascadeReach(i); if (n > 0) roots.push([i, n]); });
  roots.sort(function (a, b) { return b[1] - a[1]; });
  section('Widest delete cascades');
  if (!roots.length) details.appendChild(el('p', 'empty', 'No ON DELETE CASCADE relations.'));
  else {
    var ol = el('ol');
    roots.slice(0, 8).forEach(function (r) { var li = el('li'); li.appendChild(tableButton(r[0])); li.appendChild(document.createTextNode(' removes rows in ' + r[1] + (r[1] === 1 ? ' table' : ' tables'))); ol.appendChild(li); });
    details.appendChild(ol);
  }
  renderTableList();
}
var reachCache = Object.create(null);
function cascadeReach(i) {
  if (!(i in reachCache)) reachCache[i] = refsIn[i].some(function (j) { return E[j][2] === 'cascade'; }) ? cascadeChain(i).length : 0;
  return reachCache[i];
}
function renderDetails(i, chain) {
  chain = chain || cascadeChain(i);
  var t = T[i];
  details.textContent = '';
  var h = el('h2', null, t.q);
  details.appendChild(h);
  var meta = el('p', 'lead');
  meta.appendChild(sourceLink(t.f, t.l));
  meta.appendChild(document.createTextNode(' \u00b7 ' + t.cols.length + ' columns '));
  classPills(t).forEach(function (p) { meta.appendChild(document.createTextNode(' ')); meta.appendChild(p); });
  details.appendChild(meta);
  var actions = el('p');
  var clear = el('button', 'btn', 'Clear selection'); clear.type = 'button'; clear.addEventListener('click', clearSelection);
  actions.appendChild(clear);
  if (DATA.mode === 'lazy') {
    var ex = el('button', 'btn', expanded.has(i) ? 'Collapse columns' : 'Always show columns'); ex.type = 'button';
    ex.setAttribute('aria-pressed', expanded.has(i) ? 'true' : 'false');
    ex.addEventListener('click', function () { toggleExpanded(i); });
    actions.appendChild(document.createTextNode(' ')); actions.appendChild(ex);
  }
  var ff = el('button', 'btn', 'Findings for this table'); ff.type = 'button';
  ff.addEventListener('click', function () { fTable.value = t.q; fShown = PAGE; renderFindings(); document.getElementById('findings').scrollIntoView(); fTable.focus(); });
  actions.appendChild(document.createTextNode(' ')); actions.appendChild(ff);
  details.appendChild(actions);

  section('Deleting a row removes (ON DELETE CASCADE)');
  if (!chain.length) details.appendChild(el('p', 'empty', 'Nothing: no table references ' + t.q + ' with ON DELETE CASCADE.'));
  else {
    details.appendChild(el('p', null, 'Rows in ' + chain.length + (chain.length === 1 ? ' table are' : ' tables are') + ' deleted with it, transitively:'));
    var ol = el('ol', 'chain');
    ol.setAttribute('aria-label', 'Cascade chain');
    chain.forEach(function (c) {
      var li = el('li');
      li.setAttribute('data-table', T[c.t].q);
      li.appendChild(tableButton(c.t));
      classPills(T[c.t]).forEach(function (p) { li.appendChild(document.createTextNode(' ')); li.appendChild(p); });
      li.appendChild(el('div', 'via', 'depth ' + c.depth + ' \u00b7 via ' + edgeText(c.via)));
      ol.appendChild(li);
    });
    details.appendChild(ol);
  }
  var inChain = new Set([i]); chain.forEach(function (c) { inChain.add(c.t); });
  var blocked = [], nulled = [];
  inChain.forEach(function (p) {
    refsIn[p].forEach(function (j) {
      var e = E[j];
      if (inChain.has(e[1])) return;
      if (e[2] === 'set null' || e[2] === 'set default') nulled.push(j);
      else if (e[2] !== 'cascade') blocked.push(j);
    });
  });
  if (nulled.length) {
    section('Set to NULL or default');
    var ul = el('ul', 'blocked');
    nulled.forEach(function (j) { var li = el('li'); li.appendChild(tableButton(E[j][1])); li.appendChild(el('div', 'via', edgeText(j) + ' \u00b7 ' + ACTION_LABEL[E[j][2]])); ul.appendChild(li); });
    details.appendChild(ul);
  }
  if (blocked.length) {
    section('Blocked while rows reference it');
    details.appendChild(el('p', null, 'The delete fails while these tables hold referencing rows:'));
    var ub = el('ul', 'blocked');
    blocked.forEach(function (j) { var li = el('li'); li.appendChild(tableButton(E[j][1])); li.appendChild(el('div', 'via', edgeText(j) + ' \u00b7 ON DELETE ' + ACTION_LABEL[E[j][2]])); ub.appendChild(li); });
    details.appendChild(ub);
  }

  section('Columns');
  var table = el('table', 'cols');
  var head = el('tr');
  ['Column', 'Type', 'Notes'].forEach(function (x) { head.appendChild(el('th', null, x)); });
  var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
  var tbody = el('tbody');
  t.cols.forEach(function (c) {
    var tr = el('tr');
    var name = el('td', 'mono', (c[2] & 1 ? 'PK ' : '') + (c[2] & 2 ? 'FK ' : '') + c[0]);
    tr.appendChild(name);
    tr.appendChild(el('td', 'mono', c[1] + (c[2] & 4 ? '' : ' not null')));
    var notes = el('td');
    if (c[3] === 'unclassified') notes.appendChild(pill(CLASS_LABEL[c[4]] + '?', 'inferred', 'Inferred (' + c[5] + ', ' + c[6] + '), not declared'));
    else if (c[3]) notes.appendChild(pill(CLASS_LABEL[c[3]], c[3], c[5]));
    if (c[2] & 32) { notes.appendChild(document.createTextNode(' ')); notes.appendChild(pill('ENC', 'enc', 'Encrypted')); }
    if (c[2] & 8) { notes.appendChild(document.createTextNode(' ')); notes.appendChild(pill('NO INDEX', 'flag', 'Foreign key without a covering index')); }
    if (c[2] & 16) { notes.appendChild(document.createTextNode(' ')); notes.appendChild(pill('UNTYPED', 'flag', 'JSON without a declared type')); }
    tr.appendChild(notes);
    tbody.appendChild(tr);
  });
  table.appendChild(tbody);
  details.appendChild(table);

  section('References');
  relationList(refsOut[i], function (e) { return e[0]; }, 'References no other table.');
  section('Referenced by');
  relationList(refsIn[i], function (e) { return e[1]; }, 'No table references it.');
  var un = DATA.unresolved.filter(function (u) { return u[0] === i; });
  if (un.length) {
    section('References outside the loaded schema');
    var uu = el('ul');
    un.forEach(function (u) { uu.appendChild(el('li', 'mono', u[1] + ' \u2192 ' + u[2])); });
    details.appendChild(uu);
  }
}
function relationList(edges, other, empty) {
  if (!edges.length) { details.appendChild(el('p', 'empty', empty)); return; }
  var ul = el('ul');
  edges.forEach(function (j) {
    var e = E[j], li = el('li');
    li.appendChild(tableButton(other(e)));
    li.appendChild(document.createTextNode(' '));
    li.appendChild(pill(ACTION_LABEL[e[2]], e[2] === 'cascade' ? 'cascade' : 'action', 'ON DELETE'));
    if (e[5]) { li.appendChild(document.createTextNode(' ')); li.appendChild(pill('NO INDEX', 'flag')); }
    li.appendChild(el('div', 'via', edgeText(j)));
    ul.appendChild(li);
  });
  details.appendChild(ul);
}
var LIST_MAX = 150;
function renderTableList() {
  var wrap = el('div');
  var list = matchSet ? matches : visibleOrder();
  var h = el('h3', null, matchSet ? 'Matching tables (' + matches.length + ')' : 'Tables (' + list.length + ')');
  wrap.appendChild(h);
  var ul = el('ul', 'table-list');
  ul.id = 'table-list';
  list.slice(0, LIST_MAX).forEach(function (i) {
    var li = el('li'), b = el('button');
    b.type = 'button';
    b.setAttribute('data-i', i);
    b.appendChild(el('span', 'mono', T[i].q));
    classPills(T[i]).forEach(function (p) { b.appendChild(p); });
    b.addEventListener('click', function () { select(i, true); });
    li.appendChild(b); ul.appendChild(li);
  });
  ul.addEventListener('keydown', function (ev) {
    if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
    var items = ul.querySelectorAll('button'), at = Array.prototype.indexOf.call(items, document.activeElement);
    var next = items[at + (ev.key === 'ArrowDown' ? 1 : -1)];
    if (next) { next.focus(); ev.preventDefault(); } else if (ev.key === 'ArrowUp') { searchInput.focus(); ev.preventDefault(); }
  });
  wrap.appendChild(ul);
  if (list.length > LIST_MAX) wrap.appendChild(el('p', 'empty', (list.length - LIST_MAX) + ' more: refine the search.'));
  details.appendChild(wrap);
}

/* ---- search and filters ---- */
var searchInput = document.getElementById('search');
var searchCount = document.getElementById('search-count');
var names = T.map(function (t) { return t.q.toLowerCase(); });
var matches = [], matchSet = null;
function runSearch() {
  var q = searchInput.value.trim().toLowerCase();
  matches.forEach(function (i) { tableEls[i].classList.remove('match'); });
  matches = []; matchSet = null;
  if (!q) { svg.classList.remove('searching'); searchCount.textContent = ''; }
  else {
    matchSet = new Uint8Array(T.length);
    for (var i = 0; i < T.length; i++) if (!hidden[i] && names[i].indexOf(q) >= 0) { matches.push(i); matchSet[i] = 1; tableEls[i].classList.add('match'); }
    svg.classList.add('searching');
    searchCount.textContent = matches.length + (matches.length === 1 ? ' match' : ' matches');
  }
  if (selected < 0) renderOverview();
  else { var old = document.getElementById('table-list'); if (old) old.parentNode.remove(); renderTableList(); }
}
searchInput.addEventListener('input', runSearch);
searchInput.addEventListener('keydown', function (ev) {
  if (ev.key === 'Enter') { ev.preventDefault(); if (matches.length) { select(matches[0], true); box.focus({ preventScroll: true }); } }
  else if (ev.key === 'ArrowDown') { var first = document.querySelector('#table-list button'); if (first) { first.focus(); ev.preventDefault(); } }
  else if (ev.key === 'Escape') { searchInput.value = ''; runSearch(); }
});
var hidden = new Uint8Array(T.length);
var classBoxes = Array.prototype.slice.call(document.querySelectorAll('input[name=cls]'));
var schemaSelect = document.getElementById('schema-filter');
function applyFilters() {
  var allowed = {};
  classBoxes.forEach(function (cb) { allowed[cb.value] = cb.checked; });
  var schema = schemaSelect ? schemaSelect.value : '';
  for (var i = 0; i < T.length; i++) {
    var t = T[i];
    var ok = t.k.length ? t.k.some(function (c) { return allowed[c]; }) : allowed.none;
    if (schema && (t.s || 'public') !== schema) ok = false;
    hidden[i] = ok ? 0 : 1;
    tableEls[i].classList.toggle('hid', !ok);
  }
  E.forEach(function (e, j) { edgeEls[j] && edgeEls[j].classList.toggle('hid', !!(hidden[e[0]] || hidden[e[1]])); });
  runSearch();
  updateDetail();
}
classBoxes.forEach(function (cb) { cb.addEventListener('change', applyFilters); });
if (schemaSelect) schemaSelect.addEventListener('change', applyFilters);
[['ov-class', 'no-class'], ['ov-actions', 'no-actions'], ['ov-flags', 'no-flags'], ['ov-far', 'hide-far']].forEach(function (p) {
  var cb = document.getElementById(p[0]);
  if (cb) cb.addEventListener('change', function () { svg.classList.toggle(p[1], !cb.checked); });
});

/* ---- findings and inventory tables ---- */
var PAGE = 200, fShown = PAGE, iShown = PAGE;
var fRule = document.getElementById('f-rule'), fSev = document.getElementById('f-sev'), fTable = document.getElementById('f-table'), fSup = document.getElementById('f-suppressed');
var fBody = document.getElementById('findings-body'), fCount = document.getElementById('findings-count'), fMore = document.getElementById('findings-more');
function renderFindings() {
  var rule = fRule.value, sev = fSev.value, tq = fTable.value.trim().toLowerCase(), sup = fSup ? fSup.checked : false;
  var rows = F.filter(function (f) {
    if (f.sup && !sup) return false;
    if (rule && f.r !== rule) return false;
    if (sev && f.s !== sev) return false;
    if (tq && (f.t || '').toLowerCase().indexOf(tq) < 0) return false;
    return true;
  });
  fBody.textContent = '';
  var frag = document.createDocumentFragment();
  rows.slice(0, fShown).forEach(function (f) {
    var tr = el('tr', f.sup ? 'suppressed' : null);
    var sv = el('td'); sv.appendChild(el('span', 'sev sev-' + f.s, f.s === 'error' ? '\u2716 error' : '\u25B2 warning')); tr.appendChild(sv);
    var rc = el('td'); rc.appendChild(el('code', null, f.r)); tr.appendChild(rc);
    var tc = el('td', 'mono');
    if (f.t && f.t in byName) tc.appendChild(tableButton(byName[f.t], f.t)); else tc.textContent = f.t || '\u2014';
    tr.appendChild(tc);
    var mc = el('td', 'msg', f.m);
    if (f.h !== undefined) mc.appendChild(el('span', 'help', DATA.helps[f.h]));
    if (f.sup) mc.appendChild(el('span', 'help', 'Suppressed (' + f.sup + ')' + (f.why ? ': ' + f.why : '')));
    tr.appendChild(mc);
    var lc = el('td'); lc.appendChild(sourceLink(f.f, f.l, f.c)); tr.appendChild(lc);
    frag.appendChild(tr);
  });
  fBody.appendChild(frag);
  fCount.textContent = 'Showing ' + Math.min(rows.length, fShown) + ' of ' + rows.length + ' findings' + (rows.length !== F.length ? ' (' + F.length + ' in total)' : '') + '.';
  fMore.hidden = rows.length <= fShown;
  Array.prototype.forEach.call(document.querySelectorAll('#rule-chips button'), function (b) { b.setAttribute('aria-pressed', b.getAttribute('data-rule') === rule ? 'true' : 'false'); });
}
[fRule, fSev, fSup].forEach(function (c) { if (c) c.addEventListener('change', function () { fShown = PAGE; renderFindings(); }); });
fTable.addEventListener('input', function () { fShown = PAGE; renderFindings(); });
fMore.addEventListener('click', function () { fShown += PAGE * 5; renderFindings(); });
Array.prototype.forEach.call(document.querySelectorAll('#rule-chips button'), function (b) {
  b.addEventListener('click', function () { var r = b.getAttribute('data-rule'); fRule.value = fRule.value === r ? '' : r; fShown = PAGE; renderFindings(); });
});
var iClass = document.getElementById('i-class'), iText = document.getElementById('i-text'), iBody = document.getElementById('inventory-body'), iCount = document.getElementById('inventory-count'), iMore = document.getElementById('inventory-more');
function renderInventory() {
  var cls = iClass.value, q = iText.value.trim().toLowerCase();
  var rows = INV.filter(function (r) {
    if (cls === 'undeclared') { if (r.declared) return false; }
    else if (cls && r.classification !== cls) return false;
    if (q && (r.table + '.' + r.column + ' ' + r.category).toLowerCase().indexOf(q) < 0) return false;
    return true;
  });
  iBody.textContent = '';
  var frag = document.createDocumentFragment();
  rows.slice(0, iShown).forEach(function (r) {
    var tr = el('tr');
    var tc = el('td', 'mono');
    if (r.table in byName) tc.appendChild(tableButton(byName[r.table], r.table, true)); else tc.textContent = r.table;
    tr.appendChild(tc);
    tr.appendChild(el('td', 'mono', r.column));
    var cc = el('td'); cc.appendChild(pill(CLASS_LABEL[r.classification] + (r.declared ? '' : '?'), r.declared ? r.classification : 'inferred')); tr.appendChild(cc);
    tr.appendChild(el('td', 'mono', r.category));
    tr.appendChild(el('td', null, r.declared ? 'declared' : 'inferred (' + r.confidence + ')'));
    tr.appendChild(el('td', null, r.encrypted ? 'yes' : 'no'));
    tr.appendChild(el('td', null, r.retention || '\u2014'));
    var lc = el('td'); lc.appendChild(sourceLink(r.file, r.line)); tr.appendChild(lc);
    frag.appendChild(tr);
  });
  iBody.appendChild(frag);
  iCount.textContent = 'Showing ' + Math.min(rows.length, iShown) + ' of ' + rows.length + ' sensitive columns.';
  iMore.hidden = rows.length <= iShown;
}
iClass.addEventListener('change', function () { iShown = PAGE; renderInventory(); });
iText.addEventListener('input', function () { iShown = PAGE; renderInventory(); });
iMore.addEventListener('click', function () { iShown += PAGE * 5; renderInventory(); });

/* ---- start ---- */
fit();
renderOverview();
renderFindings();
renderInventory();
requestAnimationFrame(function () {
  setTimeout(function () {
    performance.mark('schema-lint:diagram-painted');
    document.documentElement.setAttribute('data-report-ready', 'true');
  }, 0);
});
})();`;
