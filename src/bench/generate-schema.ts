import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GenerateOptions {
  readonly tables: number;
  /** Tables per file; `Infinity` writes one file. Split schemas get a barrel `index.ts`. */
  readonly tablesPerFile: number;
  readonly seed?: number;
}

export interface GeneratedSchema {
  readonly dir: string;
  /** The schema entry (the single file, or the barrel). */
  readonly entry: string;
  readonly files: readonly string[];
  readonly bytes: number;
  readonly foreignKeys: number;
}

/** mulberry32: a small deterministic PRNG, so every run benchmarks the same schema. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['patient', 'visit', 'note', 'dose', 'order', 'claim', 'device', 'reading', 'clinic', 'invoice', 'message', 'session', 'task', 'team', 'plan'];
const ACTIONS = ['cascade', 'restrict', 'set null', 'no action'];

/**
 * Writes a realistic Drizzle schema of `tables` tables: serial/uuid keys, about two FKs per table
 * (some with onDelete, some without), typed and untyped jsonb, third-argument indexes and
 * `foreignKey()` on about a third of the tables, and a drizzle-zod insert schema per table —
 * the shape of the schemas in ../shared/reference/perf.md.
 */
export function generateSchema(dir: string, options: GenerateOptions): GeneratedSchema {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src', 'db'), { recursive: true });
  const random = prng(options.seed ?? 42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const tables: { name: string; binding: string; uuid: boolean; file: number }[] = [];
  const perFile = Number.isFinite(options.tablesPerFile) ? options.tablesPerFile : options.tables;
  const fileCount = Math.ceil(options.tables / perFile);
  const bodies: string[][] = Array.from({ length: fileCount }, () => []);
  const importsPerFile: Set<string>[] = Array.from({ length: fileCount }, () => new Set());
  let foreignKeys = 0;

  for (let i = 0; i < options.tables; i++) {
    const noun = NOUNS[i % NOUNS.length]!;
    const name = `${noun}_${i}`;
    const binding = `${noun}${i}`;
    const file = Math.floor(i / perFile);
    const uuid = random() < 0.4;
    const lines: string[] = [];
    lines.push(`export const ${binding} = pgTable("${name}", {`);
    lines.push(uuid ? '  id: uuid("id").primaryKey().defaultRandom(),' : '  id: serial("id").primaryKey(),');
    lines.push('  title: varchar("title", { length: 200 }).notNull(),');
    lines.push('  status: text("status").default("active"),');
    const refs: { column: string; target: (typeof tables)[number]; action?: string }[] = [];
    const fkCount = i === 0 ? 0 : random() < 0.2 ? 1 : random() < 0.8 ? 2 : 3;
    for (let k = 0; k < fkCount; k++) {
      const target = tables[Math.floor(random() * tables.length)]!;
      const action = random() < 0.55 ? pick(ACTIONS) : undefined;
      refs.push({ column: `${target.binding}Id${k}`, target, ...(action ? { action } : {}) });
    }
    const tableLevel = random() < 0.35;
    refs.forEach((ref, k) => {
      const type = ref.target.uuid ? 'uuid' : 'integer';
      const sqlName = `${ref.target.name}_id_${k}`;
      if (tableLevel && k === 0) {
        lines.push(`  ${ref.column}: ${type}("${sqlName}"),`);
      } else {
        const actions = ref.action ? `, { onDelete: "${ref.action}" }` : '';
        lines.push(`  ${ref.column}: ${type}("${sqlName}").references(() => ${ref.target.binding}.id${actions}),`);
      }
      foreignKeys++;
      if (ref.target.file !== file) importsPerFile[file]!.add(ref.target.binding);
    });
    lines.push(random() < 0.5 ? '  details: jsonb("details").$type<{ version: 1; data: Record<string, string> }>(),' : '  details: jsonb("details"),');
    lines.push('  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),');
    if (tableLevel && refs.length > 0) {
      const first = refs[0]!;
      const fk = `foreignKey({ columns: [t.${first.column}], foreignColumns: [${first.target.binding}.id] })${first.action ? `.onDelete("${first.action}")` : ''}`;
      lines.push(`}, (t) => [index("${name}_title_idx").on(t.title), ${fk}]);`);
    } else {
      lines.push('});');
    }
    lines.push(`export const insert${binding[0]!.toUpperCase()}${binding.slice(1)}Schema = createInsertSchema(${binding});`);
    bodies[file]!.push(lines.join('\n'));
    tables.push({ name, binding, uuid, file });
  }

  const files: string[] = [];
  let bytes = 0;
  const header = [
    'import { foreignKey, index, integer, jsonb, pgTable, serial, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";',
    'import { createInsertSchema } from "drizzle-zod";',
  ];
  for (let f = 0; f < fileCount; f++) {
    const name = fileCount === 1 ? 'schema.ts' : `tables-${String(f).padStart(3, '0')}.ts`;
    const imports = [...importsPerFile[f]!].sort();
    const fromOthers = new Map<number, string[]>();
    for (const binding of imports) {
      const target = tables.find((t) => t.binding === binding)!;
      fromOthers.set(target.file, [...(fromOthers.get(target.file) ?? []), binding]);
    }
    const localImports = [...fromOthers].sort((a, b) => a[0] - b[0]).map(([file, names]) => `import { ${names.join(', ')} } from "./tables-${String(file).padStart(3, '0')}";`);
    const text = `${[...header, ...localImports].join('\n')}\n\n${bodies[f]!.join('\n\n')}\n`;
    const target = path.join(dir, 'src', 'db', name);
    writeFileSync(target, text);
    files.push(target);
    bytes += Buffer.byteLength(text);
  }
  let entry = files[0]!;
  if (fileCount > 1) {
    entry = path.join(dir, 'src', 'db', 'index.ts');
    writeFileSync(entry, files.map((f) => `export * from "./${path.basename(f, '.ts')}";`).join('\n') + '\n');
  }
  writeFileSync(
    path.join(dir, 'drizzle.config.ts'),
    `import { defineConfig } from "drizzle-kit";\nexport default defineConfig({ dialect: "postgresql", schema: "./src/db/${path.basename(entry)}", out: "./drizzle" });\n`,
  );
  return { dir, entry, files, bytes, foreignKeys };
}
