import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../../src/db-check/sql-statements.js';

const split = (sql: string) => splitSqlStatements(sql).map(({ text, line }) => ({ line, text }));

describe('splitSqlStatements', () => {
  it("splits drizzle-kit's files at semicolons; breakpoint markers are comments", () => {
    const sql = 'CREATE TABLE "a" (\n\t"id" serial\n);\n--> statement-breakpoint\nCREATE INDEX "a_idx" ON "a" ("id");--> statement-breakpoint\nDROP TABLE "b";';
    expect(split(sql)).toEqual([
      { line: 1, text: 'CREATE TABLE "a" (\n\t"id" serial\n)' },
      { line: 5, text: 'CREATE INDEX "a_idx" ON "a" ("id")' },
      { line: 6, text: 'DROP TABLE "b"' },
    ]);
  });

  it('keeps semicolons inside strings, identifiers, comments and dollar quotes', () => {
    const sql = [
      "INSERT INTO t VALUES ('a;b', E'c\\';d', \"x;y\");",
      '/* a; /* nested; */ still; */',
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;',
      'CREATE FUNCTION g() RETURNS int AS $$ SELECT 2; $$ LANGUAGE sql;',
      '-- trailing; comment',
    ].join('\n');
    expect(split(sql).map((s) => s.line)).toEqual([1, 3, 4]);
    expect(split(sql)[0]!.text).toBe("INSERT INTO t VALUES ('a;b', E'c\\';d', \"x;y\")");
    expect(split(sql)[1]!.text).toBe('CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql');
  });

  it('keeps a BEGIN ATOMIC body, CASE expressions included, in one statement', () => {
    const sql = [
      'CREATE FUNCTION h(x int) RETURNS int LANGUAGE sql',
      'BEGIN ATOMIC',
      '  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;',
      '  SELECT 2;',
      'END;',
      'SELECT 3;',
    ].join('\n');
    expect(split(sql).map((s) => s.line)).toEqual([1, 6]);
  });

  it('skips empty statements and reports the line of the first token after comments', () => {
    expect(split(';;\n-- only a comment\n\n  /* c */ SELECT 1')).toEqual([{ line: 4, text: 'SELECT 1' }]);
    expect(split('')).toEqual([]);
  });
});
