import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff (`diff -u` format, 3 lines of context) of two versions of a text, for
 * `--fix-dry-run`, made with the `diff` package (jsdiff). A text whose last line has no break gets
 * the `\ No newline at end of file` marker, as GNU diff and git print it.
 */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string, context = 3): string {
  if (before === after) return '';
  // NOTE: CRLF files are compared and shown line by line, without the carriage returns.
  const patch = createTwoFilesPatch(oldName, newName, before, after, '', '', { context, stripTrailingCr: true });
  // NOTE: jsdiff starts with an "Index"-style separator line that `diff -u` does not print.
  return patch.replace(/^=+\n/, '');
}
