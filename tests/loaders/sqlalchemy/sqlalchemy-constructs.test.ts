import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlAlchemySchema, mightBeSqlAlchemySchema, type SqlAlchemyLoadResult } from '../../../src/loaders/sqlalchemy/load-sqlalchemy-schema.js';
import type { Column, Table } from '../../../src/model/schema-model.js';
import { spanText } from '../../helpers/sqlalchemy-snapshot.js';

/** Writes `files` (path → Python source) into a fresh folder and loads the first one. */
function load(files: Record<string, string>, roots?: readonly string[]): { result: SqlAlchemyLoadResult; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sa-construct-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const entry = roots ?? [Object.keys(files)[0]!];
  return { result: loadSqlAlchemySchema(entry.map((f) => path.join(dir, f))), dir };
}

function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(...text.split('\n').filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return text
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n');
}

const HEADER = 'from sqlalchemy import *\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\n';

function table(result: SqlAlchemyLoadResult, name: string): Table {
  const found = result.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}; tables: ${result.tables.map((t) => t.name).join(', ')}; problems: ${result.problems.map((p) => p.message).join(' | ')}`);
  return found;
}

function column(t: Table, name: string): Column {
  const found = t.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name} in ${t.name}`);
  return found;
}

describe('spans', () => {
  it('counts columns in UTF-16 code units after non-ASCII text on the same line', () => {
    const { result, dir } = load({
      'm.py': HEADER + py`
        class Note(Base):
            __tablename__ = "notes"
            id = Column(Integer, primary_key=True)
            libellé = Column(String(20), info={"hint": "🩺 é"}); weight = Column(Integer)
      `,
    });
    const t = table(result, 'notes');
    // "    libellé = Column(String(20), info={"hint": "🩺 é"}); " is 56 code points but 57 UTF-16 units (🩺 is a surrogate pair).
    expect(spanText(column(t, 'weight').span, dir)).toBe('m.py:7:58-7:82');
    expect(spanText(column(t, 'libellé').span, dir)).toBe('m.py:7:5-7:56');
    expect(column(t, 'libellé').info).toEqual({ hint: '🩺 é' });
  });

  it('treats CRLF and CR as line breaks', () => {
    const text = (HEADER + 'class A(Base):\n    __tablename__ = "a"\n    id = Column(Integer, primary_key=True)\n').replace(/\n/g, '\r\n');
    const { result, dir } = load({ 'crlf.py': text });
    expect(spanText(column(table(result, 'a'), 'id').span, dir)).toBe('crlf.py:6:5-6:43');
  });
});

describe('declarative', () => {
  it('follows relative and absolute imports across a package and marks inherited columns', () => {
    const { result } = load(
      {
        'app/__init__.py': '',
        'app/models/__init__.py': 'from .visits import Visit\n',
        'app/models/base.py': HEADER + py`
          class IdMixin:
              id = Column(BigInteger, primary_key=True)
        `,
        'app/models/visits.py': py`
          from sqlalchemy import Column, ForeignKey, Integer
          from app.models.base import Base, IdMixin
          from ..models import people

          class Visit(IdMixin, Base):
              __tablename__ = "visits"
              person_id = Column(ForeignKey(people.Person.id, ondelete="CASCADE"))
        `,
        'app/models/people.py': py`
          from sqlalchemy import Column, Integer, String
          from .base import Base

          class Person(Base):
              __tablename__ = "people"
              id = Column(Integer, primary_key=True)
              name = Column(String)
        `,
      },
      ['app/models/__init__.py'],
    );
    const visits = table(result, 'visits');
    expect(visits.columns.map((c) => [c.name, c.type.sql, c.inheritedFrom])).toEqual([
      ['id', 'bigint', 'IdMixin'],
      ['person_id', 'integer', undefined],
    ]);
    expect(visits.foreignKeys).toMatchObject([{ name: 'visits_person_id_fkey', target: { table: 'people', columns: ['id'], resolved: true, codeName: 'Person' }, onDelete: 'cascade' }]);
    expect(result.files.map((f) => path.basename(f)).sort()).toEqual(['__init__.py', 'base.py', 'people.py', 'visits.py']);
  });

  it('reads declared_attr columns and a declared_attr __tablename__', () => {
    const { result } = load({
      'm.py': HEADER + py`
        from sqlalchemy.orm import declared_attr

        class AutoName:
            @declared_attr
            def __tablename__(cls):
                return cls.__name__.lower()

            @declared_attr
            def owner_id(cls):
                return Column(Integer, ForeignKey("owners.id"), nullable=False)

        class Owner(Base):
            __tablename__ = "owners"
            id = Column(Integer, primary_key=True)

        class Invoice(AutoName, Base):
            id = Column(Integer, primary_key=True)
      `,
    });
    const invoice = table(result, 'invoice');
    expect(invoice.columns.map((c) => [c.name, c.nullable, c.inheritedFrom])).toEqual([
      ['id', false, undefined],
      ['owner_id', false, 'AutoName'],
    ]);
    expect(invoice.foreignKeys[0]).toMatchObject({ columns: ['owner_id'], target: { table: 'owners', resolved: true } });
  });

  it('honours a literal naming_convention passed to declarative_base()', () => {
    const { result } = load({
      'm.py': py`
        from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, UniqueConstraint, CheckConstraint
        from sqlalchemy.orm import declarative_base

        convention = {"pk": "pk_%(table_name)s", "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "uq": "uq_%(table_name)s_%(column_0_N_name)s", "ck": "ck_%(table_name)s_%(constraint_name)s"}
        Base = declarative_base(metadata=MetaData(naming_convention=convention))

        class Ward(Base):
            __tablename__ = "wards"
            id = Column(Integer, primary_key=True)

        class Bed(Base):
            __tablename__ = "beds"
            __table_args__ = (UniqueConstraint("ward_id", "label"), CheckConstraint("label <> ''", name="label_present"))
            id = Column(Integer, primary_key=True)
            ward_id = Column(Integer, ForeignKey("wards.id"))
            label = Column(String(8), index=True)
      `,
    });
    const beds = table(result, 'beds');
    expect(beds.primaryKey?.name).toBe('pk_beds');
    expect(beds.foreignKeys[0]?.name).toBe('fk_beds_ward_id_wards');
    expect(beds.uniqueConstraints.map((u) => u.name)).toEqual(['uq_beds_ward_id_label']);
    expect(beds.checks.map((c) => c.name)).toEqual(['ck_beds_label_present']);
    // NOTE: a custom convention without "ix" still gets SQLAlchemy's default index name.
    expect(beds.indexes.map((i) => i.name)).toEqual(['ix_beds_label']);
  });

  it('reads __table__ = Table(...) on a class and column_property/deferred columns', () => {
    const { result } = load({
      'm.py': HEADER + py`
        from sqlalchemy.orm import deferred

        class Scan(Base):
            __table__ = Table("scans", Base.metadata, Column("id", Integer, primary_key=True), Column("kind", String(10)))

        class Report(Base):
            __tablename__ = "reports"
            id = Column(Integer, primary_key=True)
            body = deferred(Column(Text, nullable=False))
      `,
    });
    expect(table(result, 'scans').exportName).toBe('Scan');
    expect(table(result, 'scans').columns.map((c) => c.name)).toEqual(['id', 'kind']);
    expect(column(table(result, 'reports'), 'body')).toMatchObject({ nullable: false, type: { sql: 'text' } });
  });

  it('types an FK column without a type from its target, and resolves users.c.id targets', () => {
    const { result } = load({
      'm.py': py`
        from sqlalchemy import BigInteger, Column, ForeignKey, MetaData, Table
        from sqlalchemy.dialects.postgresql import UUID
        metadata = MetaData()
        accounts = Table("accounts", metadata, Column("id", UUID(as_uuid=True), primary_key=True), schema="billing")
        ledgers = Table(
            "ledgers", metadata,
            Column("id", BigInteger, primary_key=True),
            Column("account_id", ForeignKey(accounts.c.id, onupdate="CASCADE")),
            Column("parent_account_id", ForeignKey("billing.accounts.id")),
        )
      `,
    });
    const ledgers = table(result, 'ledgers');
    expect(column(ledgers, 'account_id').type.sql).toBe('uuid');
    expect(ledgers.foreignKeys.map((f) => [f.columns, f.target.schema, f.target.table, f.target.resolved, f.onUpdate, f.onDelete])).toEqual([
      [['account_id'], 'billing', 'accounts', true, 'cascade', undefined],
      [['parent_account_id'], 'billing', 'accounts', true, undefined, undefined],
    ]);
    expect(column(ledgers, 'id').default).toEqual({ kind: 'sql', text: "nextval('ledgers_id_seq'::regclass)" });
    expect(table(result, 'accounts').schema).toBe('billing');
  });

  it('reads Enum(PyEnum) member names, values_callable values and native_enum=False', () => {
    const { result } = load({
      'm.py': HEADER + py`
        import enum
        class Triage(enum.Enum):
            RED = "red"
            GREEN = "green"
        class Case(Base):
            __tablename__ = "cases"
            id = Column(Integer, primary_key=True)
            level = Column(Enum(Triage))
            level_v = Column(Enum(Triage, name="triage_value", values_callable=lambda e: [m.value for m in e]))
            level_s = Column(Enum(Triage, native_enum=False))
      `,
    });
    const cases = table(result, 'cases');
    expect(cases.columns.map((c) => [c.name, c.type.sql, c.type.enumName])).toEqual([
      ['id', 'integer', undefined],
      ['level', 'triage', 'triage'],
      ['level_v', 'triage_value', 'triage_value'],
      ['level_s', 'character varying(5)', undefined],
    ]);
    expect(result.enums.map((e) => [e.name, e.values])).toEqual([
      ['triage', ['RED', 'GREEN']],
      ['triage_value', ['red', 'green']],
    ]);
  });

  it('reads Identity(), Computed(), server defaults and application defaults', () => {
    const { result } = load({
      'm.py': HEADER + py`
        class Dose(Base):
            __tablename__ = "doses"
            id = Column(BigInteger, Identity(always=True), primary_key=True)
            mg = Column(Numeric(8, 2), nullable=False)
            g = Column(Numeric(8, 5), Computed("mg / 1000"))
            given_at = Column(DateTime(timezone=True), server_default=text("CURRENT_TIMESTAMP"))
            note = Column(String, server_default="none", default="n/a")
      `,
    });
    const doses = table(result, 'doses');
    expect(column(doses, 'id')).toMatchObject({ identity: 'always', nullable: false });
    expect(column(doses, 'id').default).toBeUndefined();
    expect(column(doses, 'g').generated).toBe('mg / 1000');
    expect(column(doses, 'given_at').default).toEqual({ kind: 'sql', text: 'CURRENT_TIMESTAMP' });
    expect(column(doses, 'note').default).toEqual({ kind: 'literal', value: 'none', text: "'none'" });
  });
});

describe('registries', () => {
  it('maps classes from registry.generate_base() and @registry.mapped', () => {
    const { result } = load({
      'm.py': py`
        from sqlalchemy import Column, Integer
        from sqlalchemy.orm import registry

        mapper_registry = registry()
        Base = mapper_registry.generate_base()

        class Ward(Base):
            __tablename__ = "wards"
            id = Column(Integer, primary_key=True)

        @mapper_registry.mapped
        class Bed:
            __tablename__ = "beds"
            id = Column(Integer, primary_key=True)
      `,
    });
    expect(result.tables.map((t) => t.name)).toEqual(['wards', 'beds']);
  });
});

describe('parser gaps', () => {
  it('does not report Python 3.10 parenthesised context managers as syntax errors', () => {
    const { result } = load({ 'm.py': HEADER + 'def dump(a, b):\n    with (open(a) as f, open(b) as g):\n        g.write(f.read())\n' });
    expect(result.problems).toEqual([]);
    expect(result.filesWithSyntaxErrors.size).toBe(0);
  });
});

describe('table-level details', () => {
  it('keeps one primary key when PrimaryKeyConstraint overrides primary_key=True, and warns when they differ', () => {
    const { result, dir } = load({
      'm.py': HEADER + py`
        class Slot(Base):
            __tablename__ = "slots"
            __table_args__ = (PrimaryKeyConstraint("clinic_id", "starts_at"), UniqueConstraint("room", "starts_at", postgresql_nulls_not_distinct=True))
            clinic_id = Column(Integer, primary_key=True)
            starts_at = Column(DateTime)
            room = Column(String(8))
      `,
    });
    const slots = table(result, 'slots');
    expect(slots.primaryKeyDeclarations.map((p) => [p.declaredVia, p.columns])).toEqual([['table', ['clinic_id', 'starts_at']]]);
    expect(slots.uniqueConstraints).toMatchObject([{ columns: ['room', 'starts_at'], nullsNotDistinct: true }]);
    expect(result.problems.map((p) => [p.id, spanText(p.span, dir)])).toEqual([['schema-lint/unsupported-syntax', 'm.py:7:33-7:49']]);
  });

  it('reads partial and GIN indexes and expression elements', () => {
    const { result } = load({
      'm.py': HEADER + py`
        from sqlalchemy.dialects.postgresql import JSONB
        class Doc(Base):
            __tablename__ = "docs"
            id = Column(Integer, primary_key=True)
            body = Column(JSONB)
            email = Column(String)
            deleted = Column(Boolean)
            __table_args__ = (
                Index("ix_docs_body", "body", postgresql_using="gin"),
                Index("ix_docs_email_live", func.lower(email), unique=True, postgresql_where=text("NOT deleted")),
            )
      `,
    });
    expect(table(result, 'docs').indexes.map((i) => [i.name, i.elements, i.unique, i.method, i.where])).toEqual([
      ['ix_docs_body', [{ kind: 'column', column: 'body' }], false, 'gin', undefined],
      ['ix_docs_email_live', [{ kind: 'expression', text: 'lower(email)' }], true, undefined, 'NOT deleted'],
    ]);
  });

  it('sets the dialect from the SQLAlchemy dialect module a file imports', () => {
    const { result } = load({
      'm.py': HEADER + py`
        from sqlalchemy.dialects.mysql import TINYINT
        class Flag(Base):
            __tablename__ = "flags"
            id = Column(Integer, primary_key=True)
      `,
    });
    expect(table(result, 'flags').dialect).toBe('mysql');
  });
});

describe('SQLAlchemy 2', () => {
  it('uses type_annotation_map and Annotated aliases', () => {
    const { result } = load({
      'm.py': py`
        from typing import Annotated, Any, Optional
        from sqlalchemy import String
        from sqlalchemy.dialects.postgresql import JSONB
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        str_255 = Annotated[str, 255]

        class Base(DeclarativeBase):
            type_annotation_map = {str_255: String(255), dict[str, Any]: JSONB}

        class Profile(Base):
            __tablename__ = "profiles"
            id: Mapped[int] = mapped_column(primary_key=True)
            email: Mapped[str_255]
            extra: Mapped[dict[str, Any]]
            bio: "Mapped[Optional[str]]"
      `,
    });
    const profiles = table(result, 'profiles');
    expect(profiles.columns.map((c) => [c.name, c.type.sql, c.nullable, c.declaredType])).toEqual([
      ['id', 'integer', false, undefined],
      ['email', 'character varying(255)', false, undefined],
      ['extra', 'jsonb', false, undefined],
      ['bio', 'character varying', true, undefined],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('records declaredType for a JSON TypeDecorator and for typed annotations only', () => {
    const { result } = load({
      'm.py': py`
        from typing import Any, Optional
        from sqlalchemy import JSON
        from sqlalchemy.types import TypeDecorator
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
        from .schemas import CarePlan, Goal

        class PydanticJSON(TypeDecorator):
            impl = JSON
            cache_ok = True

        class Base(DeclarativeBase):
            pass

        class Plan(Base):
            __tablename__ = "plans"
            id: Mapped[int] = mapped_column(primary_key=True)
            plan: Mapped[CarePlan] = mapped_column(PydanticJSON(CarePlan))
            goals: Mapped[Optional[list[Goal]]] = mapped_column(JSON)
            loose: Mapped[Any] = mapped_column(JSON)
            raw = mapped_column(JSON)
      `,
    });
    const plans = table(result, 'plans');
    expect(plans.columns.map((c) => [c.name, c.type.sql, c.declaredType, c.nullable])).toEqual([
      ['id', 'integer', undefined, false],
      ['plan', 'json', 'PydanticJSON(CarePlan)', false],
      ['goals', 'json', 'list[Goal]', true],
      ['loose', 'json', undefined, false],
      ['raw', 'json', undefined, true],
    ]);
  });
});

describe('Flask-SQLAlchemy and SQLModel', () => {
  it('derives Flask-SQLAlchemy table names from class names', () => {
    const { result } = load({
      'm.py': py`
        from flask_sqlalchemy import SQLAlchemy
        db = SQLAlchemy()

        class HTTPRequestLog(db.Model):
            id = db.Column(db.Integer, primary_key=True)

        class CareNote(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            log_id = db.Column(db.Integer, db.ForeignKey("http_request_log.id", ondelete="SET NULL"))
      `,
    });
    expect(result.tables.map((t) => t.name)).toEqual(['http_request_log', 'care_note']);
    expect(table(result, 'care_note').foreignKeys[0]).toMatchObject({ onDelete: 'set null', target: { resolved: true } });
  });

  it('reads SQLModel Field options', () => {
    const { result } = load({
      'm.py': py`
        from typing import Optional
        from sqlmodel import Field, SQLModel

        class Team(SQLModel, table=True):
            id: Optional[int] = Field(default=None, primary_key=True)
            name: str = Field(index=True, unique=True)

        class Hero(SQLModel, table=True):
            id: Optional[int] = Field(default=None, primary_key=True)
            team_id: Optional[int] = Field(default=None, foreign_key="team.id")
            age: Optional[int] = Field(default=None, nullable=False)
      `,
    });
    const team = table(result, 'team');
    expect(team.indexes).toMatchObject([{ name: 'ix_team_name', unique: true }]);
    expect(team.uniqueConstraints).toEqual([]);
    const hero = table(result, 'hero');
    expect(hero.columns.map((c) => [c.name, c.type.sql, c.nullable])).toEqual([
      ['id', 'integer', false],
      ['team_id', 'integer', true],
      ['age', 'integer', false],
    ]);
    expect(hero.foreignKeys[0]).toMatchObject({ target: { table: 'team', columns: ['id'], resolved: true } });
  });
});

describe('custom and encrypted types', () => {
  it('fills SqlType.custom for sqlalchemy-utils and hand-written TypeDecorators', () => {
    const { result } = load({
      'm.py': HEADER + py`
        from sqlalchemy.types import TypeDecorator
        from sqlalchemy_utils import StringEncryptedType
        from sqlalchemy_utils.types.encrypted.encrypted_type import FernetEngine
        from cryptography.fernet import Fernet

        class Sealed(TypeDecorator):
            impl = LargeBinary
            def process_bind_param(self, value, dialect):
                return Fernet(KEY).encrypt(value.encode())
            def process_result_value(self, value, dialect):
                return Fernet(KEY).decrypt(value).decode() if value else None

        class Secret(Base):
            __tablename__ = "secrets"
            id = Column(Integer, primary_key=True)
            a = Column(StringEncryptedType(Unicode, "0123456789abcdef", FernetEngine))
            b = Column(Sealed)
      `,
    });
    const secrets = table(result, 'secrets');
    expect(column(secrets, 'a').type).toMatchObject({ sql: 'character varying', builder: 'StringEncryptedType', custom: { name: 'StringEncryptedType', writeCalls: ['FernetEngine.encrypt'], literalKey: { value: '0123456789abcdef' } } });
    expect(column(secrets, 'b').type).toMatchObject({ sql: 'bytea', builder: 'Sealed', custom: { name: 'Sealed' } });
    expect([...column(secrets, 'b').type.custom!.writeCalls].sort()).toEqual(['Fernet', 'encode', 'encrypt']);
    expect([...column(secrets, 'b').type.custom!.readCalls].sort()).toEqual(['Fernet', 'decode', 'decrypt']);
  });
});

describe('problems', () => {
  it('reports syntax errors with their position and still reads the rest of the file', () => {
    const { result, dir } = load({
      'bad.py': HEADER + py`
        class A(Base):
            __tablename__ = "a"
            id = Column(Integer, primary_key=True
        class B(Base):
            __tablename__ = "b"
            id = Column(Integer, primary_key=True)
      `,
    });
    expect([...result.filesWithSyntaxErrors].map((f) => path.basename(f))).toEqual(['bad.py']);
    expect(result.problems.map((p) => [p.id, p.severity, p.message, spanText(p.span, dir)])).toEqual([['schema-lint/parse-error', 'error', "Syntax error: '(' was never closed.", 'bad.py:6:16-6:17']]);
    expect(result.tables.map((t) => t.name)).toEqual(['a', 'b']);
  });

  it('turns unreadable files into problems, never exceptions', () => {
    const result = loadSqlAlchemySchema(['/nonexistent/models.py']);
    expect(result.problems).toMatchObject([{ id: 'schema-lint/parse-error', message: 'Cannot read /nonexistent/models.py: the file does not exist.' }]);
    expect(result.tables).toEqual([]);
  });

  it('warns about an unresolvable ForeignKey target with its span', () => {
    const { result, dir } = load({
      'm.py': HEADER + py`
        class A(Base):
            __tablename__ = "a"
            id = Column(Integer, primary_key=True)
            b_id = Column(Integer, ForeignKey(lookup("b")))
      `,
    });
    expect(result.problems.map((p) => [p.id, p.severity, spanText(p.span, dir)])).toEqual([['schema-lint/unresolved-reference', 'warn', 'm.py:7:28-7:51']]);
    expect(table(result, 'a').foreignKeys).toEqual([]);
  });
});

describe('mightBeSqlAlchemySchema', () => {
  it.each([
    ['from sqlalchemy import Column', true],
    ['import sqlalchemy as sa', true],
    ['from sqlmodel import SQLModel', true],
    ['class User(db.Model):\n    id = db.Column(db.Integer)', true],
    ['import os\nprint("sqlalchemy is great")', false],
    ['def handler(event):\n    return 1', false],
  ])('%j → %s', (text, expected) => {
    expect(mightBeSqlAlchemySchema(text)).toBe(expected);
  });
});
