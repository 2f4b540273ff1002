import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Replaces a file's content atomically: the new text goes to a temporary file beside it (same
 * folder, so the rename cannot cross file systems), is flushed, takes the original's permission
 * bits, and is renamed over the original. Readers see the old file or the new one, never half of
 * it. A symbolic link is followed, so the link stays a link and its target gets the new text.
 */
export function writeFileAtomically(file: string, content: string): void {
  const target = realpathSync(file);
  const mode = statSync(target).mode & 0o7777;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.schema-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeSync(fd, content, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // NOTE: the umask may have narrowed the mode given to open(); set it exactly.
    chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
