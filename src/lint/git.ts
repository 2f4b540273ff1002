import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type ChangedFilesResult = { readonly ok: true; readonly files: readonly string[] } | { readonly ok: false; readonly message: string };

/**
 * Files changed since `ref` (committed, staged or not) plus untracked files, as absolute paths
 * that still exist. Runs git read-only.
 */
export function changedFilesSince(cwd: string, ref: string): ChangedFilesResult {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { ok: false, message: `--changed-since needs a git repository, and ${cwd} is not in one.` };
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return { ok: false, message: `--changed-since: "${ref}" is not a commit, branch or tag in this repository.` };
  }
  // NOTE: both listings relative to the top level (ls-files would otherwise be cwd-relative).
  const changed = git(['-C', top, 'diff', '--name-only', '--diff-filter=ACMR', '-z', ref]).split('\0');
  const untracked = git(['-C', top, 'ls-files', '--others', '--exclude-standard', '-z']).split('\0');
  const files = [...new Set([...changed, ...untracked])]
    .filter(Boolean)
    .map((f) => path.join(top, f))
    .filter((f) => existsSync(f));
  return { ok: true, files: files.sort() };
}
