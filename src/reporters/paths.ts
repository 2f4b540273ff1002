import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The git top level above `dir` (a `.git` folder or file), or undefined outside a repository. */
export function findGitRoot(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Path relative to `root` with `/` separators. */
export function relativePosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** RFC 3986 URI reference for a relative path: each segment percent-encoded. */
export function relativeUri(root: string, file: string): string {
  return relativePosix(root, file)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Absolute `file:` URI of a folder, ending with `/` (SARIF originalUriBaseIds). */
export function folderUri(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
