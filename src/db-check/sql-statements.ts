export interface SqlStatement {
  /** The statement without its terminating semicolon, comments around it trimmed. */
  readonly text: string;
  /** 1-based line of the statement's first character in the file. */
  readonly line: number;
  /** UTF-16 offset of the statement's first character in the file. */
  readonly offset: number;
}

/**
 * Splits a migration file into statements at top-level semicolons, the way psql does: not
 * inside quotes, dollar quotes, comments or a `BEGIN ATOMIC ... END` function body. drizzle-kit's
 * `--> statement-breakpoint` markers are SQL comments, so they need no special case.
 */
export function splitSqlStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  const lineOf = lineLocator(sql);
  let start = -1;
  let atomicDepth = 0;
  let previousWord = '';
  const flush = (end: number) => {
    if (start !== -1) statements.push({ text: sql.slice(start, end).trimEnd(), line: lineOf(start), offset: start });
    start = -1;
    atomicDepth = 0;
    previousWord = '';
  };
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      continue;
    }
    if (ch === '/' && next === '*') {
      i = skipBlockComment(sql, i);
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === ';' && atomicDepth === 0) {
      flush(i);
      i++;
      continue;
    }
    if (start === -1) start = i;
    if (ch === "'") {
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]!) && (i < 2 || !/[\w$]/.test(sql[i - 2]!));
      i = skipQuoted(sql, i, "'", escapes);
      continue;
    }
    if (ch === '"') {
      i = skipQuoted(sql, i, '"', false);
      continue;
    }
    if (ch === '$' && (i === 0 || !/[\w$]/.test(sql[i - 1]!))) {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close === -1 ? sql.length : close + tag[0].length;
        continue;
      }
    }
    if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][\w$]*/.exec(sql.slice(i, i + 64))![0].toLowerCase();
      // NOTE: a SQL-standard function body (`BEGIN ATOMIC ... END`) holds semicolons; CASE ... END
      // expressions inside it nest.
      if (word === 'atomic' && previousWord === 'begin') atomicDepth++;
      else if (atomicDepth > 0 && word === 'case') atomicDepth++;
      else if (atomicDepth > 0 && word === 'end') atomicDepth--;
      previousWord = word;
      i += word.length;
      continue;
    }
    i++;
  }
  flush(sql.length);
  return statements;
}

/** A function from UTF-16 offset to 1-based line, by binary search over the line starts. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

function skipQuoted(sql: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const ch = sql[j]!;
    if (backslashEscapes && ch === '\\') {
      j += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return sql.length;
}

/** NOTE: PostgreSQL block comments nest. */
function skipBlockComment(sql: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql[j] === '/' && sql[j + 1] === '*') {
      depth++;
      j += 2;
    } else if (sql[j] === '*' && sql[j + 1] === '/') {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else {
      j++;
    }
  }
  return sql.length;
}
