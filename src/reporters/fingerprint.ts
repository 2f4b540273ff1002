import { createHash } from 'node:crypto';
import type { Diagnostic } from '../engine/diagnostic.js';
import { relativePosix } from './paths.js';

/**
 * A line-independent key for a diagnostic: rule id plus model identity (plus the relative file for
 * loader diagnostics, which have no model node). Moving code, or inserting lines above it, keeps it.
 */
export function findingKey(diagnostic: Diagnostic, root: string): string {
  const key = `${diagnostic.ruleId}|${diagnostic.identity}`;
  return diagnostic.ruleId.startsWith('schema-lint/') ? `${key}|${relativePosix(root, diagnostic.span.file)}` : key;
}

export function findingHash(diagnostic: Diagnostic, root: string): string {
  return createHash('sha256').update(findingKey(diagnostic, root)).digest('hex');
}
