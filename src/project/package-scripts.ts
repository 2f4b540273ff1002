import type { Span } from '../model/span.js';
import { LineMap } from '../loaders/sqlalchemy/python-ast.js';
import type { SchemaWriteOperation } from '../model/schema-model.js';

export interface ScriptWrite {
  readonly operation: SchemaWriteOperation;
  readonly script: string;
  readonly command: string;
  readonly span: Span;
  readonly guard?: string;
}

/** Cheap text check before parsing package.json. */
export const PACKAGE_SCRIPT_HINT = /drizzle-kit|prisma\s+(?:db|migrate)|alembic\s+upgrade/;

/** Scripts run when the application starts (npm start, a dev server), where migrating means migrating at boot. */
const STARTUP_SCRIPT = /^(?:pre|post)?(?:start|dev|serve)(?::[\w:-]*)?$|^postinstall$/;

/**
 * Schema writes in package.json scripts: `drizzle-kit push` and `prisma db push` anywhere, and
 * `drizzle-kit migrate` / `prisma migrate deploy` / `alembic upgrade` in start-up scripts.
 * Guarded: `drizzle-kit push --strict` (or `strict: true` in the drizzle config), which asks before
 * every statement, or a shell test before the command (`[ "$ALLOW_PUSH" = 1 ] && drizzle-kit push`).
 * NOTE: `--force` auto-approves data loss, so it is never guarded.
 */
export function scanPackageScripts(file: string, text: string, drizzleStrict: boolean): ScriptWrite[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const scripts = (json as { scripts?: unknown }).scripts;
  if (!scripts || typeof scripts !== 'object') return [];
  const lines = new LineMap(text);
  const scriptsAt = keyOffset(text, 'scripts', 0);
  const writes: ScriptWrite[] = [];
  for (const [name, value] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof value !== 'string') continue;
    for (const part of value.split(/&&|\|\||;/)) {
      const command = part.trim();
      let operation: SchemaWriteOperation | undefined;
      if (/\bdrizzle-kit\s+push\b/.test(command)) operation = 'drizzle-kit-push';
      else if (/\bprisma\s+db\s+push\b/.test(command)) operation = 'prisma-db-push';
      else if (STARTUP_SCRIPT.test(name) && /\bdrizzle-kit\s+migrate\b|\bprisma\s+migrate\s+deploy\b|\balembic\s+upgrade\b/.test(command)) operation = 'migrate-at-boot';
      if (!operation) continue;
      const before = value.slice(0, value.indexOf(part));
      let guard: string | undefined;
      if (operation === 'drizzle-kit-push' && !/--force\b/.test(command) && (/--strict\b/.test(command) || drizzleStrict)) guard = /--strict\b/.test(command) ? '--strict' : 'strict: true in the drizzle config';
      const shellTest = /(?:^|&&|;)\s*(\[\[?[^\]]*\$[^\]]*\]\]?|test\s+[^&;|]*\$[^&;|]*)\s*(?:&&|$)/.exec(before);
      if (!guard && shellTest && !/--force\b/.test(command)) guard = shellTest[1]!.trim();
      const at = scriptsAt >= 0 ? keyOffset(text, name, scriptsAt) : -1;
      const from = at >= 0 ? at : 0;
      const lineEnd = text.indexOf('\n', from);
      const to = from + text.slice(from, lineEnd === -1 ? text.length : lineEnd).replace(/[\s,]+$/, '').length;
      writes.push({ operation, script: name, command, span: lines.span(file, { from, to }), ...(guard ? { guard } : {}) });
      break;
    }
  }
  return writes;
}

/** Offset of `"key"` used as an object key at or after `from` (JSON text). */
function keyOffset(text: string, key: string, from: number): number {
  const needle = JSON.stringify(key);
  let at = text.indexOf(needle, from);
  while (at !== -1) {
    const after = text.slice(at + needle.length).match(/^\s*:/);
    if (after) return at;
    at = text.indexOf(needle, at + 1);
  }
  return -1;
}
