import { describe, expect, it } from 'vitest';
import preferJsonb from '../../rules/prefer-jsonb.js';
import requireFkIndex from '../../rules/require-fk-index.js';
import requireFkOnDelete from '../../rules/require-fk-on-delete.js';
import requireFkOnUpdate from '../../rules/require-fk-on-update.js';
import requirePhiClassification from '../../rules/require-phi-classification.js';
import noUntypedJson from '../../rules/no-untyped-json.js';
import type { AnyRule } from '../../src/engine/define-rule.js';
import { applyEdits } from '../../src/fix/apply-fixes.js';
import { lintSource } from '../helpers/lint-source.js';

/** The source after the first fix of every diagnostic of one rule (the fixes must not overlap). */
function fixed(rule: AnyRule, source: string, options: unknown = {}, fileName?: string): { text: string; reasons: string[] } {
  const { diagnostics } = lintSource(rule, source, options, fileName);
  const edits = diagnostics.flatMap((d) => d.fixes?.[0]?.edits ?? []);
  return { text: applyEdits(source, edits), reasons: diagnostics.flatMap((d) => (d.noFixReason ? [d.noFixReason] : [])) };
}

describe('fixAction (require-fk-on-delete, require-fk-on-update)', () => {
  const source = [
    "import { integer, pgTable, serial } from 'drizzle-orm/pg-core';",
    "export const users = pgTable('users', { id: serial('id').primaryKey() });",
    "export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: integer('author_id').notNull().references(() => users.id) });",
    '',
  ].join('\n');

  it('writes the configured action', () => {
    expect(fixed(requireFkOnDelete, source, { fixAction: 'restrict' }).text).toContain(".references(() => users.id, { onDelete: 'restrict' })");
    expect(fixed(requireFkOnUpdate, source, { fixAction: 'cascade' }).text).toContain(".references(() => users.id, { onUpdate: 'cascade' })");
  });

  it('offers no fix that the allow list would reject, nor set null on a NOT NULL column', () => {
    expect(fixed(requireFkOnDelete, source, { allow: ['cascade', 'restrict'] })).toEqual({ text: source, reasons: ["the fix would write 'no action', which `allow` forbids; set the rule's fixAction option to an allowed action"] });
    expect(fixed(requireFkOnDelete, source, { fixAction: 'set null' }).reasons).toEqual(["'set null' cannot work on a NOT NULL column; choose another fixAction"]);
  });

  it('never rewrites an explicit action outside the allow list', () => {
    const explicit = source.replace('.references(() => users.id)', ".references(() => users.id, { onDelete: 'cascade' })");
    const { diagnostics } = lintSource(requireFkOnDelete, explicit, { allow: ['restrict'] });
    expect(diagnostics.map((d) => [d.messageId, d.fixes, d.noFixReason])).toEqual([['notAllowed', undefined, undefined]]);
  });
});

describe('dialects and ORMs', () => {
  it('MySQL: index comes from drizzle-orm/mysql-core', () => {
    const source = [
      "import { int, mysqlTable, serial } from 'drizzle-orm/mysql-core';",
      "export const users = mysqlTable('users', { id: serial('id').primaryKey() });",
      "export const posts = mysqlTable('posts', { id: serial('id').primaryKey(), authorId: int('author_id').references(() => users.id) });",
      '',
    ].join('\n');
    expect(fixed(requireFkIndex, source).text).toBe(
      source
        .replace("import { int, mysqlTable, serial }", 'import { int, mysqlTable, serial, index }')
        .replace("references(() => users.id) });", "references(() => users.id) }, (t) => [index('posts_author_id_idx').on(t.authorId)]);"),
    );
  });

  it('SQLAlchemy: **kwargs in ForeignKey() may hold the action already: no fix', () => {
    const source = ['from sqlalchemy import Column, ForeignKey, Integer', 'from sqlalchemy.orm import declarative_base', 'Base = declarative_base()', 'OPTS = {}', '', 'class User(Base):', '    __tablename__ = "users"', '    id = Column(Integer, primary_key=True)', '', 'class Post(Base):', '    __tablename__ = "posts"', '    id = Column(Integer, primary_key=True)', '    author_id = Column(Integer, ForeignKey("users.id", **OPTS))', ''].join('\n');
    expect(fixed(requireFkOnDelete, source, {}, 'models.py').reasons).toEqual(['the call passes **kwargs, which may hold ondelete= already']);
  });

  it("SQLModel: Field(ondelete=) takes CASCADE, SET NULL or RESTRICT; index=True goes into Field()", () => {
    const source = ['from typing import Optional', 'from sqlmodel import Field, SQLModel', '', 'class Team(SQLModel, table=True):', '    id: Optional[int] = Field(default=None, primary_key=True)', '', 'class Hero(SQLModel, table=True):', '    id: Optional[int] = Field(default=None, primary_key=True)', '    team_id: Optional[int] = Field(default=None, foreign_key="team.id")', ''].join('\n');
    expect(fixed(requireFkOnDelete, source, {}, 'models.py').reasons).toEqual(["SQLModel's Field(ondelete=) accepts CASCADE, SET NULL or RESTRICT, not NO ACTION; set the rule's fixAction option"]);
    expect(fixed(requireFkOnDelete, source, { fixAction: 'set null' }, 'models.py').text).toContain('Field(default=None, foreign_key="team.id", ondelete="SET NULL")');
    expect(fixed(requireFkOnUpdate, source, {}, 'models.py').reasons).toEqual(["SQLModel's Field() has no onupdate; declare the key with sa_column=Column(ForeignKey(...)) to set it"]);
    expect(fixed(requireFkIndex, source, {}, 'models.py').text).toContain('Field(default=None, foreign_key="team.id", index=True)');
  });

  it('SQLAlchemy: no automatic jsonb or $type fix, with the reason', () => {
    const source = ['from sqlalchemy import JSON, Column, Integer', 'from sqlalchemy.dialects import postgresql', 'from sqlalchemy.orm import declarative_base', 'Base = declarative_base()', '', 'class Event(Base):', '    __tablename__ = "events"', '    id = Column(Integer, primary_key=True)', '    payload = Column(JSON)', ''].join('\n');
    expect(fixed(preferJsonb, source, {}, 'models.py').reasons).toEqual(['no automatic fix for SQLAlchemy: use sqlalchemy.dialects.postgresql.JSONB']);
    expect(fixed(noUntypedJson, source, {}, 'models.py').reasons).toEqual(['no automatic fix for SQLAlchemy: annotate Mapped[YourTypedDict]']);
  });

  it('SQLAlchemy: a Mapped[] column without mapped_column() gets no info= suggestion', () => {
    const source = ['from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column', '', 'class Base(DeclarativeBase):', '    pass', '', 'class Patient(Base):', '    __tablename__ = "patients"', '    id: Mapped[int] = mapped_column(primary_key=True)', '    diagnosis: Mapped[str]', ''].join('\n');
    expect(fixed(requirePhiClassification, source, {}, 'models.py').reasons).toEqual(['the column has no Column(...) or mapped_column(...) call to pass info= to']);
  });
});

describe('Drizzle extra configuration', () => {
  const table = (third: string) =>
    [
      "import { index, integer, pgTable, serial } from 'drizzle-orm/pg-core';",
      "export const users = pgTable('users', { id: serial('id').primaryKey() });",
      `export const posts = pgTable('posts', { id: serial('id').primaryKey(), 'author-id': integer('author_id').references(() => users.id, { onDelete: 'cascade' }) }${third});`,
      '',
    ].join('\n');

  it('a column key that is not an identifier is read with brackets', () => {
    expect(fixed(requireFkIndex, table('')).text).toContain("(t) => [index('posts_author_id_idx').on(t['author-id'])]");
  });

  it('an existing empty array and an object with a clashing key', () => {
    expect(fixed(requireFkIndex, table(', (t) => []')).text).toContain("(t) => [index('posts_author_id_idx').on(t['author-id'])]");
    expect(fixed(requireFkIndex, table(", (t) => ({ postsAuthorIdIdx: index('x').on(t.id) })")).text).toContain("postsAuthorIdIdx2: index('posts_author_id_idx')");
  });

  it('a parameter that hides index, and an index name already taken', () => {
    expect(fixed(requireFkIndex, table(', (index) => []')).reasons).toEqual(['the extra-config parameter `index` hides `index`']);
    expect(fixed(requireFkIndex, table(", (t) => [index('posts_author_id_idx').on(t.id)]")).text).toContain("index('posts_author_id_idx_2').on(t['author-id'])");
  });
});
