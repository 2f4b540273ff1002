import { readFileSync, statSync } from 'node:fs';
import { fileStartSpan } from '../model/span.js';
import type { LoadProblem } from './load-problem.js';

/** Files larger than this are not schema code (generated bundles, data dumps). */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: LoadProblem };

/** Reads a source file as UTF-8 text; every failure becomes a problem with the file's position. */
export function readSourceFile(file: string): ReadResult {
  const fail = (message: string, help?: string): ReadResult => ({
    ok: false,
    problem: { id: 'schema-lint/parse-error', severity: 'error', message, ...(help ? { help } : {}), span: fileStartSpan(file) },
  });
  let buffer: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fail(`Cannot read ${file}: it is a directory.`);
    // NOTE: reading a FIFO or a device would block or never end.
    if (!stat.isFile()) return fail(`Skipped ${file}: it is not a regular file.`);
    if (stat.size > MAX_SOURCE_BYTES) {
      return fail(`Skipped ${file}: ${stat.size} bytes is larger than the ${MAX_SOURCE_BYTES}-byte limit for schema files.`);
    }
    buffer = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String((error as Error).message);
    return fail(`Cannot read ${file}: ${reason}.`);
  }
  if (looksBinary(buffer)) {
    return fail(`Skipped ${file}: it looks like a binary file, not source code.`, 'Pass only TypeScript, JavaScript or Python schema files.');
  }
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** NUL bytes in the first 8 KB: the heuristic git and grep use. */
function looksBinary(buffer: Buffer): boolean {
  const end = Math.min(buffer.length, 8192);
  for (let i = 0; i < end; i++) if (buffer[i] === 0) return true;
  return false;
}
