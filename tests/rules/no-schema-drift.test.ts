import rule from '../../rules/no-schema-drift.js';
import { DRIZZLE_CONFIG } from '../helpers/project-files.js';
import { testProjectRule } from '../helpers/project-tester.js';

const repo = (drizzle: string, python: string) => ({
  'drizzle.config.ts': DRIZZLE_CONFIG,
  'shared/schema.ts': `import { index, integer, pgTable, serial, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";\n\n${drizzle}`,
  'app/models.py': `from sqlalchemy import Column, ForeignKey, Index, Integer, String, Text, UniqueConstraint\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n${python}`,
});

const USERS_TS = `export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: varchar("email", { length: 255 }).notNull().unique(),
});
`;
const USERS_PY = `class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True)
`;
const DOCTORS_TS = `export const doctors = pgTable("doctors", {
  id: serial("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  specialty: varchar("specialty", { length: 100 }).notNull(),
}, (t) => [index("doctors_user_id_idx").on(t.userId)]);
`;
const DOCTORS_PY = `class Doctor(Base):
    __tablename__ = "doctors"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    specialty = Column(String(100), nullable=False)
`;

testProjectRule(rule, {
  valid: [
    { name: 'identical definitions (index and constraint names differ by convention)', files: repo(USERS_TS + DOCTORS_TS, USERS_PY + '\n\n' + DOCTORS_PY) },
    { name: 'a table only one ORM declares', files: repo(USERS_TS, USERS_PY + '\n\n' + DOCTORS_PY) },
    { name: 'ignoreTables', files: repo(USERS_TS + DOCTORS_TS, USERS_PY + '\n\n' + DOCTORS_PY.replace('String(100), nullable=False', 'Text')), options: { ignoreTables: ['doctors'] } },
    { name: 'compareIndexes: false', files: repo(USERS_TS + DOCTORS_TS, USERS_PY + '\n\n' + DOCTORS_PY.replace(', index=True', '')), options: { compareIndexes: false } },
    { name: 'uniqueIndex() and UniqueConstraint are the same unique key', files: repo(USERS_TS.replace('.notNull().unique()', '.notNull()').replace('});', '}, (t) => [uniqueIndex("users_email_key").on(t.email)]);'), USERS_PY.replace(', unique=True', '') + '    __table_args__ = (UniqueConstraint("email"),)\n') },
  ],
  invalid: [
    {
      name: 'type and nullability, reported at both definitions',
      files: repo(USERS_TS + DOCTORS_TS, USERS_PY + '\n\n' + DOCTORS_PY.replace('String(100), nullable=False', 'String(255)')),
      errors: [
        { messageId: 'nullability', file: 'app/models.py', line: 16, message: 'Column doctors.specialty is nullable in SQLAlchemy but NOT NULL in Drizzle (shared/schema.ts).' },
        { messageId: 'columnType', file: 'app/models.py', line: 16, message: 'Column doctors.specialty is character varying(255) in SQLAlchemy but character varying(100) in Drizzle (shared/schema.ts).' },
        { messageId: 'nullability', file: 'shared/schema.ts', line: 10, message: 'Column doctors.specialty is NOT NULL in Drizzle but nullable in SQLAlchemy (app/models.py).' },
        { messageId: 'columnType', file: 'shared/schema.ts', line: 10, message: 'Column doctors.specialty is character varying(100) in Drizzle but character varying(255) in SQLAlchemy (app/models.py).' },
      ],
    },
    {
      name: 'a column one side lacks: at the column and at the other table',
      files: repo(USERS_TS.replace('.unique(),', '.unique(),\n  phone: text("phone"),'), USERS_PY),
      errors: [
        { messageId: 'columnMissing', file: 'app/models.py', line: 6, message: 'Column users.phone exists in Drizzle but not in SQLAlchemy (app/models.py).' },
        { messageId: 'columnMissing', file: 'shared/schema.ts', line: 6 },
      ],
    },
    {
      name: 'a column from a spread helper is reported at its table, not at the helper',
      files: repo(`const timestamps = { updatedAt: text("updated_at") };\n\n${USERS_TS.replace('.unique(),', '.unique(),\n  ...timestamps,')}`, USERS_PY),
      errors: [
        { messageId: 'columnMissing', file: 'app/models.py', line: 6 },
        { messageId: 'columnMissing', file: 'shared/schema.ts', line: 5, message: 'Column users.updated_at exists in Drizzle but not in SQLAlchemy (app/models.py).' },
      ],
    },
    {
      name: 'foreign key action and a missing index',
      files: repo(USERS_TS + DOCTORS_TS, USERS_PY + '\n\n' + DOCTORS_PY.replace('ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True', 'ForeignKey("users.id"), nullable=False')),
      errors: [
        { messageId: 'indexMissing', file: 'app/models.py', line: 12, message: 'Index on doctors(user_id) exists in Drizzle but not in SQLAlchemy (app/models.py).' },
        { messageId: 'foreignKeyDiffers', file: 'app/models.py', line: 15, message: 'Foreign key doctors.user_id → users.id has ON DELETE NO ACTION in SQLAlchemy but ON DELETE CASCADE in Drizzle (shared/schema.ts).' },
        { messageId: 'foreignKeyDiffers', file: 'shared/schema.ts', line: 9 },
        { messageId: 'indexMissing', file: 'shared/schema.ts', line: 11 },
      ],
    },
    {
      name: 'primary key and a foreign key only one side has',
      files: repo(USERS_TS + DOCTORS_TS, USERS_PY + '\n\n' + DOCTORS_PY.replace('id = Column(Integer, primary_key=True)\n    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)', 'id = Column(Integer, primary_key=True)\n    user_id = Column(Integer, primary_key=True, index=True)')),
      errors: [
        { messageId: 'foreignKeyMissing', file: 'app/models.py', line: 12, message: 'Foreign key doctors.user_id → users.id exists in Drizzle but not in SQLAlchemy (app/models.py).' },
        { messageId: 'primaryKey', file: 'app/models.py', line: 12, message: 'Table doctors has primary key (id, user_id) in SQLAlchemy but (id) in Drizzle (shared/schema.ts).' },
        { messageId: 'primaryKey', file: 'shared/schema.ts', line: 7 },
        { messageId: 'foreignKeyMissing', file: 'shared/schema.ts', line: 9 },
      ],
    },
  ],
});
