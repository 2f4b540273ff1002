/** A schema-changing statement found in SQL text. */
export interface DdlStatement {
  /** "CREATE TABLE doctors", "ALTER TABLE users", "CREATE INDEX ON visits". */
  readonly summary: string;
  /** Offset of the statement's first keyword in the text. */
  readonly offset: number;
}

/** Cheap text check before parsing code: the words of a DDL statement, any case. */
export const DDL_HINT = /\b(?:create|alter|drop)\s+(?:(?:or\s+replace|global|local|unlogged|unique)\s+)*(?:table|index)\b/i;

/**
 * The first statement in `sql` that changes the schema: CREATE/ALTER/DROP TABLE or CREATE/DROP INDEX.
 * Comments, string literals and dollar-quoted bodies are skipped, so `-- CREATE TABLE` or a
 * function body does not count.
 * NOTE: CREATE TEMP/TEMPORARY TABLE is not a schema change (the table lives for one session).
 */
export function findDdl(sql: string): DdlStatement | undefined {
  for (const statement of statements(sql)) {
    const words = statement.words;
    let i = 0;
    const upper = (k: number) => words[k]?.text.toUpperCase();
    const verb = upper(0);
    if (verb !== 'CREATE' && verb !== 'ALTER' && verb !== 'DROP') continue;
    i = 1;
    let temporary = false;
    while (['OR', 'REPLACE', 'GLOBAL', 'LOCAL', 'UNLOGGED', 'TEMP', 'TEMPORARY', 'UNIQUE'].includes(upper(i) ?? '')) {
      if (upper(i) === 'TEMP' || upper(i) === 'TEMPORARY') temporary = true;
      i++;
    }
    const object = upper(i);
    if (object !== 'TABLE' && object !== 'INDEX') continue;
    if (temporary) continue;
    i++;
    while (['IF', 'NOT', 'EXISTS', 'ONLY', 'CONCURRENTLY'].includes(upper(i) ?? '')) i++;
    const name = words[i]?.text;
    const target = object === 'INDEX' && upper(i) === 'ON' ? `ON ${words[i + 1]?.text ?? ''}`.trim() : name;
    return { summary: `${verb} ${object}${target ? ` ${target}` : ''}`, offset: words[0]!.offset };
  }
  return undefined;
}

interface Word {
  readonly text: string;
  readonly offset: number;
}

/** Splits SQL into statements of words (identifiers, keywords, quoted identifiers), skipping comments and literals. */
function* statements(sql: string): Generator<{ words: Word[] }> {
  let words: Word[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'") {
      i++;
      while (i < n && !(sql[i] === "'" && sql[i + 1] !== "'")) i += sql[i] === "'" ? 2 : 1;
      i++;
      words.push({ text: "''", offset: i });
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_0-9]*\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? n : end + tag[0].length;
      } else i++;
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const end = sql.indexOf(close, i + 1);
      const stop = end === -1 ? n : end + 1;
      words.push({ text: sql.slice(i, stop), offset: i });
      i = stop;
    } else if (c === ';') {
      if (words.length > 0) yield { words };
      words = [];
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < n && /[A-Za-z0-9_$.]/.test(sql[i]!)) i++;
      words.push({ text: sql.slice(start, i), offset: start });
    } else {
      if (c === '(' || c === ',') words.push({ text: c, offset: i });
      i++;
    }
  }
  if (words.length > 0) yield { words };
}
