import type { Column, ForeignKey, ListAnchor, ReferentialAction, SchemaModel, SourceStyle, Table, TextRange } from '../model/schema-model.js';
import type { Fix, TextEdit } from './diagnostic.js';

/**
 * Builds the text edits of fixes from the fix anchors loaders leave on model nodes. Rules stay
 * model-only: they call these with nodes and get either a fix or the reason there is none. Edits
 * are UTF-16 offsets into the file as loaded; inserted text uses the file's line ending, quotes
 * and indentation.
 */
export type FixResult = { readonly fix: Fix } | { readonly noFixReason: string };

/** What a rule passes on to `context.report`: `fixes` or `noFixReason`. */
export function reportFix(result: FixResult): { fixes?: readonly Fix[]; noFixReason?: string } {
  return 'fix' in result ? { fixes: [result.fix] } : { noFixReason: result.noFixReason };
}

const NOT_OWN = 'the declaration is not written in the table itself (it comes from a helper or a shared object), so editing it would change other tables too';

/** Writes a referential action: `{ onDelete: 'no action' }`, `.onDelete('no action')`, `ondelete="NO ACTION"`. */
export function fkActionFix(fk: ForeignKey, which: 'onDelete' | 'onUpdate', action: ReferentialAction): FixResult {
  const anchor = fk.fix;
  if (!anchor) return { noFixReason: NOT_OWN };
  const { style } = anchor;
  const slot = which === 'onDelete' ? anchor.onDeleteSlot : anchor.onUpdateSlot;
  if (anchor.syntax === 'sqlalchemy') {
    const keyword = which.toLowerCase();
    const value = quoted(action.toUpperCase(), style);
    if (anchor.sqlmodelField) {
      if (which === 'onUpdate') return { noFixReason: "SQLModel's Field() has no onupdate; declare the key with sa_column=Column(ForeignKey(...)) to set it" };
      if (action === 'no action' || action === 'set default') return { noFixReason: `SQLModel's Field(ondelete=) accepts CASCADE, SET NULL or RESTRICT, not ${action.toUpperCase()}; set the rule's fixAction option` };
    }
    const description = `Pass ${keyword}=${value} to ${anchor.sqlmodelField ? 'Field()' : 'the foreign key'}${action === 'no action' ? ' (what the database does today)' : ''}.`;
    if (slot) return slot.empty ? single(description, replace(style, slot, value)) : { noFixReason: `${keyword}= is set from an expression schema-lint cannot read` };
    if (anchor.optionsOpaque) return { noFixReason: `the call passes **kwargs, which may hold ${keyword}= already` };
    if (!anchor.args) return { noFixReason: NOT_OWN };
    return single(description, insertItem(style, anchor.args, `${keyword}=${value}`));
  }
  const value = quoted(action, style);
  const description = `Declare ${which}: ${value}${action === 'no action' ? ' (what the database does today)' : ''}.`;
  if (slot) return slot.empty ? single(description, replace(style, slot, value)) : { noFixReason: `${which} is set from an expression schema-lint cannot read` };
  if (anchor.syntax === 'foreignKey') {
    if (anchor.chainEnd === undefined) return { noFixReason: NOT_OWN };
    return single(description, insert(style, anchor.chainEnd, `.${which}(${value})`));
  }
  if (anchor.optionsOpaque) return { noFixReason: 'the second argument of .references() is not an object literal' };
  if (anchor.options) return single(description, insertItem(style, anchor.options, `${which}: ${value}`, { spaced: true }));
  if (!anchor.args) return { noFixReason: NOT_OWN };
  return single(description, insertItem(style, anchor.args, `{ ${which}: ${value} }`));
}

/** `json(...)` → `jsonb(...)`, importing `jsonb` (or renaming an otherwise unused `json` import). */
export function jsonbFix(column: Column, table: Table): FixResult {
  if (table.source !== 'drizzle') return { noFixReason: 'no automatic fix for SQLAlchemy: use sqlalchemy.dialects.postgresql.JSONB' };
  const builder = column.fix?.builder;
  const drizzle = table.fix?.drizzle;
  if (!column.fix || !builder || !drizzle) return { noFixReason: NOT_OWN };
  const { style } = column.fix;
  const description = 'Use jsonb(...) instead of json(...).';
  if (builder.via === 'member') return single(description, replace(style, builder.callee, 'jsonb'));
  if (builder.via !== 'named') return { noFixReason: `\`${builder.name}\` is not imported from the dialect's core module in this file, so schema-lint cannot tell how to name jsonb here` };
  const json = drizzle.jsonImport && drizzle.jsonImport.local === builder.name ? drizzle.jsonImport : undefined;
  // NOTE: this column is the json import's last use: drop or rename the import, so no unused
  // import is left behind (an error under noUnusedLocals).
  const lastUse = json !== undefined && json.uses <= 1;
  const ref = drizzle.builders.jsonb;
  if (ref === null) return { noFixReason: 'the name `jsonb` is taken by something else in this file' };
  if (ref !== undefined) {
    const edits = [replace(style, builder.callee, ref)];
    if (lastUse) edits.push(replace(style, json.removal, ''));
    return { fix: { kind: 'safe', description, edits } };
  }
  if (lastUse) {
    return { fix: { kind: 'safe', description: `${description.slice(0, -1)}, importing jsonb in place of json.`, edits: [replace(style, json.element, 'jsonb'), replace(style, builder.callee, 'jsonb')] } };
  }
  if (!drizzle.coreImport) return { noFixReason: 'jsonb is not imported and this file has no named import from drizzle-orm/pg-core to add it to' };
  return { fix: { kind: 'safe', description: `${description.slice(0, -1)}, importing jsonb.`, edits: [insertItem(style, drizzle.coreImport, 'jsonb', { spaced: true }), replace(style, builder.callee, 'jsonb')] } };
}

/** An index whose leading columns are the foreign key's: Drizzle `index()` in the extra config, SQLAlchemy `index=True` or `Index(...)`. */
export function fkIndexFix(fk: ForeignKey, table: Table, model: SchemaModel): FixResult {
  const keys = fk.columns.map((name) => table.columns.find((c) => c.name === name));
  if (keys.some((c) => c === undefined)) return { noFixReason: 'a column of the foreign key is not a column of this table' };
  const columns = keys as Column[];
  return table.source === 'sqlalchemy' ? sqlalchemyIndexFix(fk, columns, table, model) : drizzleIndexFix(fk, columns, table, model);
}

function drizzleIndexFix(fk: ForeignKey, columns: readonly Column[], table: Table, model: SchemaModel): FixResult {
  const anchor = table.fix;
  const drizzle = anchor?.drizzle;
  if (!anchor || !drizzle) return { noFixReason: NOT_OWN };
  const { style } = anchor;
  const extra = drizzle.extraConfig;
  if (extra === 'opaque') return { noFixReason: "the table's third argument is not a callback returning an array or object literal" };
  const imported = drizzle.builders.index;
  if (imported === null) return { noFixReason: 'the name `index` is taken by something else in this file' };
  if (imported === undefined && !drizzle.coreImport) return { noFixReason: 'index is not imported and this file has no named import from the drizzle core module to add it to' };
  const callee = imported ?? 'index';
  const param = extra?.param ?? 't';
  if (param === callee.split('.')[0]) return { noFixReason: `the extra-config parameter \`${param}\` hides \`${callee}\`` };
  const name = freshIndexName(`${table.name}_${fk.columns.join('_')}_idx`, table, model);
  const on = columns.map((c) => (/^[A-Za-z_$][\w$]*$/.test(c.propertyKey) ? `${param}.${c.propertyKey}` : `${param}[${quoted(c.propertyKey, style)}]`)).join(', ');
  const expression = `${callee}(${quoted(name, style)}).on(${on})`;
  const edits: TextEdit[] = [];
  if (imported === undefined) edits.push(insertItem(style, drizzle.coreImport!, 'index', { spaced: true }));
  if (extra === undefined) edits.push(insertItem(style, drizzle.args, `(${param}) => [${expression}]`));
  else if (extra.form === 'array') edits.push(insertItem(style, extra.list, expression));
  else edits.push(insertItem(style, extra.list, `${freshKey(name, extra.keys)}: ${expression}`, { spaced: true }));
  return { fix: { kind: 'suggestion', description: `Add index ${quoted(name, style)} on ${table.name}(${fk.columns.join(', ')}).`, edits } };
}

function sqlalchemyIndexFix(fk: ForeignKey, columns: readonly Column[], table: Table, model: SchemaModel): FixResult {
  const [only] = columns;
  const call = only?.fix?.call;
  const keywords = only?.fix?.keywords ?? [];
  if (columns.length === 1 && only?.fix && call && !keywords.includes('index') && !keywords.includes('**')) {
    return single(`Pass index=True to column ${table.name}.${only.name}.`, insertItem(only.fix.style, call, 'index=True'), 'suggestion');
  }
  const anchor = table.fix;
  const sa = anchor?.sqlalchemy;
  if (!anchor || !sa) return { noFixReason: NOT_OWN };
  const { style } = anchor;
  if (!sa.indexCallee && !sa.sqlalchemyImport) return { noFixReason: 'Index is not imported and there is no `from sqlalchemy import ...` to add it to' };
  const name = freshIndexName(`ix_${table.name}_${fk.columns.join('_')}`, table, model);
  const expression = `${sa.indexCallee ?? 'Index'}(${[name, ...columns.map((c) => c.propertyKey)].map((s) => quoted(s, style)).join(', ')})`;
  const edits: TextEdit[] = sa.indexCallee ? [] : [insertItem(style, sa.sqlalchemyImport!, 'Index')];
  const args = sa.tableArgs;
  if (args === 'opaque') return { noFixReason: '__table_args__ is not a tuple or dict literal on this class (it is computed or inherited)' };
  if (args?.form === 'dict') {
    edits.push(insert(style, args.range.start, `(${expression}, `), insert(style, args.range.end, ')'));
  } else if (args) {
    const { list } = args;
    if (list.lastItemEnd === undefined) edits.push(insert(style, list.close, args.form === 'tuple' ? `${expression},` : expression));
    else if (args.beforeDict) edits.push(insert(style, args.insertAt, list.itemIndent !== undefined ? `${expression},${style.eol}${list.itemIndent}` : `${expression}, `));
    else edits.push(insertItem(style, list, expression));
  } else if (sa.tableCall) {
    const { insertAt, itemIndent } = sa.tableCall;
    edits.push(insert(style, insertAt, itemIndent !== undefined ? `,${style.eol}${itemIndent}${expression}` : `, ${expression}`));
  } else if (sa.bodyInsert) {
    const { offset, indent, newlineFirst } = sa.bodyInsert;
    const line = `${indent}__table_args__ = (${expression},)`;
    edits.push(insert(style, offset, newlineFirst ? `${style.eol}${line}` : `${line}${style.eol}`));
  } else {
    return { noFixReason: 'schema-lint cannot find where to declare __table_args__ in this class' };
  }
  return { fix: { kind: 'suggestion', description: `Add ${expression.replace(/^[\w.]*Index/, 'Index')} to ${table.name}.`, edits } };
}

/** `.$type<Record<string, unknown> /* TODO *\/>()` after the builder call, to be replaced by a real type. */
export function jsonTypeStubFix(column: Column, table: Table): FixResult {
  if (table.source !== 'drizzle') return { noFixReason: 'no automatic fix for SQLAlchemy: annotate Mapped[YourTypedDict]' };
  const builder = column.fix?.builder;
  if (!column.fix || !builder) return { noFixReason: NOT_OWN };
  return single('Add .$type<...>() with a TODO type to replace by the document\'s shape.', insert(column.fix.style, builder.end, '.$type<Record<string, unknown> /* TODO: describe the document */>()'), 'suggestion');
}

/** The inferred classification, for review: `/** @phi medication *\/` above the property, or SQLAlchemy `info={...}`. */
export function classificationFix(column: Column, table: Table, dataClass: string, category: string): FixResult {
  const anchor = column.fix;
  if (!anchor) return { noFixReason: NOT_OWN };
  const { style } = anchor;
  if (table.source === 'sqlalchemy') {
    if (!anchor.call) return { noFixReason: 'the column has no Column(...) or mapped_column(...) call to pass info= to' };
    if (anchor.sqlmodelField) return { noFixReason: "SQLModel's Field() takes info only through sa_column_kwargs; add it by hand" };
    const entries = `${quoted('data_class', style)}: ${quoted(dataClass, style)}, ${quoted('category', style)}: ${quoted(category, style)}`;
    const description = `Classify it: info={${entries}} (review the inferred category).`;
    if (anchor.info) return single(description, insertItem(style, anchor.info, entries), 'suggestion');
    if (anchor.keywords?.includes('info') || anchor.keywords?.includes('**')) return { noFixReason: 'info= is not a dict literal' };
    return single(description, insertItem(style, anchor.call, `info={${entries}}`), 'suggestion');
  }
  const tag = `@${dataClass} ${category.replace(/^(phi|pii|special|credential)\./, '')}`;
  const description = `Classify it: /** ${tag} */ (review the inferred category).`;
  const doc = anchor.docComment;
  if (anchor.indent === undefined) return single(description, insert(style, anchor.start, `/** ${tag} */ `), 'suggestion');
  if (!doc) return single(description, insert(style, anchor.start, `/** ${tag} */${style.eol}${anchor.indent}`), 'suggestion');
  // NOTE: add the tag to the existing block: on the closing line's own line, or by opening one.
  const close = doc.end - 2;
  if (doc.closeIndent !== undefined) return single(description, insert(style, close, `* ${tag}${style.eol}${doc.closeIndent}`), 'suggestion');
  return single(description, replace(style, { start: doc.closeStart, end: close }, `${style.eol}${anchor.indent} * ${tag}${style.eol}${anchor.indent} `), 'suggestion');
}

/** Adds an item to a bracketed list: after the last item (on a new line when items have their own lines), or into an empty list. */
export function insertItem(style: SourceStyle, list: ListAnchor, item: string, options: { spaced?: boolean } = {}): TextEdit {
  if (list.lastItemEnd === undefined) return insert(style, list.close, options.spaced ? ` ${item} ` : item);
  if (list.itemIndent !== undefined) return insert(style, list.lastItemEnd, `,${style.eol}${list.itemIndent}${item}`);
  return insert(style, list.lastItemEnd, `, ${item}`);
}

function insert(style: SourceStyle, offset: number, text: string): TextEdit {
  return { file: style.file, start: offset, end: offset, text };
}

function replace(style: SourceStyle, range: TextRange, text: string): TextEdit {
  return { file: style.file, start: range.start, end: range.end, text };
}

function single(description: string, edit: TextEdit, kind: Fix['kind'] = 'safe'): FixResult {
  return { fix: { kind, description, edits: [edit] } };
}

function quoted(value: string, style: SourceStyle): string {
  const q = style.quote;
  return `${q}${value.replace(/\\/g, '\\\\').replaceAll(q, `\\${q}`)}${q}`;
}

/** Names taken per model and schema, memoised: a rule asks once per foreign key (linear, not quadratic). */
const takenNames = new WeakMap<SchemaModel, Map<string, Set<string>>>();

/**
 * Postgres index names are unique per schema and cut at 63 bytes; add `_2`, `_3`... on a clash.
 * NOTE: only names in the model count, so the result depends on the model alone; two suggestions
 * could still meet only when table and column names split at different underscores
 * (`a_b` + `c`, `a` + `b_c`).
 */
function freshIndexName(wanted: string, table: Table, model: SchemaModel): string {
  let bySchema = takenNames.get(model);
  if (!bySchema) {
    bySchema = new Map();
    for (const t of model.tables) {
      const schema = t.schema ?? 'public';
      let taken = bySchema.get(schema);
      if (!taken) bySchema.set(schema, (taken = new Set()));
      taken.add(t.name);
      for (const i of t.indexes) if (i.name) taken.add(i.name);
      for (const u of t.uniqueConstraints) if (u.name) taken.add(u.name);
      for (const f of t.foreignKeys) if (f.name) taken.add(f.name);
      if (t.primaryKey?.name) taken.add(t.primaryKey.name);
    }
    takenNames.set(model, bySchema);
  }
  const taken = bySchema.get(table.schema ?? 'public') ?? new Set<string>();
  const cut = (s: string) => (Buffer.byteLength(s) <= 63 ? s : Buffer.from(s).subarray(0, 63).toString().replace(/\uFFFD+$/, ''));
  let name = cut(wanted);
  for (let n = 2; taken.has(name); n++) name = `${cut(wanted).slice(0, 63 - `_${n}`.length)}_${n}`;
  return name;
}

/** `posts_author_id_idx` → `postsAuthorIdIdx`, unused among the object's keys. */
function freshKey(indexName: string, keys: readonly string[]): string {
  const base = indexName.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^[^A-Za-z_$]/, '_$&');
  let key = base;
  for (let n = 2; keys.includes(key); n++) key = `${base}${n}`;
  return key;
}
