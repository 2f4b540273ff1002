import type { TextEdit } from '../engine/diagnostic.js';
import type { Position } from '../model/span.js';
import { positionsOf } from './source-text.js';

export interface LocatedEdit {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
  readonly text: string;
}

/**
 * Turns edit offsets into lines and columns for reporters (JSON, SARIF), reading each file once
 * through the reporter's `readSource`. Offsets count from after a byte-order mark, as spans do.
 * Returns undefined for an edit whose file cannot be read or whose offsets do not fit it.
 */
export function createEditLocator(readSource: (file: string) => string | undefined): (edit: TextEdit) => LocatedEdit | undefined {
  const byFile = new Map<string, { length: number; at: (offset: number) => Position } | null>();
  return (edit) => {
    let located = byFile.get(edit.file);
    if (located === undefined) {
      const raw = readSource(edit.file);
      const text = raw?.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      located = text === undefined ? null : { length: text.length, at: positionsOf(text, edit.file.endsWith('.py')) };
      byFile.set(edit.file, located);
    }
    if (!located || edit.start < 0 || edit.end < edit.start || edit.end > located.length) return undefined;
    return { file: edit.file, start: located.at(edit.start), end: located.at(edit.end), text: edit.text };
  };
}
