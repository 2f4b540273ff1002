import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Fix } from '../../src/engine/diagnostic.js';
import { applyEdits, applyFixes, type FixCandidate } from '../../src/fix/apply-fixes.js';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { removeCopies, writeFolder } from './helpers.js';

afterAll(removeCopies);

function candidate(ruleId: string, identity: string, edits: Fix['edits']): FixCandidate {
  const diagnostic = { ruleId, identity, severity: 'warn', message: 'm.', span: { file: 'f', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, properties: {} } as Diagnostic;
  return { diagnostic, fix: { kind: 'safe', description: `${ruleId} ${identity}`, edits } };
}

describe('applyFixes', () => {
  const text = 'abcdefghij';
  const read = (file: string) => (file === 'f' ? text : undefined);

  it('applies fixes that neither overlap nor touch, in one pass', () => {
    const result = applyFixes(read, [candidate('r', 'b', [{ file: 'f', start: 6, end: 7, text: 'G' }]), candidate('r', 'a', [{ file: 'f', start: 1, end: 2, text: 'B' }])]);
    expect(result.texts.get('f')).toBe('aBcdefGhij');
    expect(result.deferred).toEqual([]);
  });

  it('defers a fix that overlaps, touches or inserts at the same point as one already taken (ESLint rule)', () => {
    const first = candidate('a-rule', 'x', [{ file: 'f', start: 3, end: 3, text: '1' }]);
    const same = candidate('b-rule', 'x', [{ file: 'f', start: 3, end: 3, text: '2' }]);
    const touching = candidate('c-rule', 'x', [{ file: 'f', start: 1, end: 3, text: '' }]);
    const result = applyFixes(read, [same, touching, first]);
    expect(result.applied.map((c) => c.diagnostic.ruleId)).toEqual(['c-rule']);
    expect(result.deferred.map((c) => c.diagnostic.ruleId)).toEqual(['a-rule', 'b-rule']);
    expect(result.texts.get('f')).toBe('adefghij');
    // NOTE: the order is fixed by position, then rule id, then identity: never by input order.
    expect(applyFixes(read, [first, same]).texts.get('f')).toBe('abc1defghij');
    expect(applyFixes(read, [same, first]).texts.get('f')).toBe('abc1defghij');
  });

  it('takes a fix whole or not at all', () => {
    const two = candidate('a', 'x', [
      { file: 'f', start: 0, end: 0, text: '<' },
      { file: 'f', start: 5, end: 6, text: 'F' },
    ]);
    const blocker = candidate('b', 'x', [{ file: 'f', start: 5, end: 5, text: '!' }]);
    const result = applyFixes(read, [blocker, two]);
    expect(result.applied.map((c) => c.diagnostic.ruleId)).toEqual(['a']);
    expect(result.texts.get('f')).toBe('<abcdeFghij');
  });

  it('rejects edits outside the text or overlapping each other', () => {
    const result = applyFixes(read, [candidate('a', 'x', [{ file: 'f', start: 8, end: 20, text: '' }]), candidate('b', 'x', [{ file: 'f', start: 1, end: 4, text: '' }, { file: 'f', start: 2, end: 3, text: '' }]), candidate('c', 'x', [{ file: 'missing', start: 0, end: 0, text: '' }])]);
    expect(result.invalid.map((c) => c.diagnostic.ruleId).sort()).toEqual(['a', 'b', 'c']);
    expect(result.texts.size).toBe(0);
  });

  it('writes inserted line breaks as the file has them', () => {
    expect(applyEdits('a\r\nb\r\n', [{ file: 'f', start: 3, end: 3, text: 'x\ny\n' }])).toBe('a\r\nx\r\ny\r\nb\r\n');
    expect(applyEdits('a\rb\r', [{ file: 'f', start: 2, end: 2, text: 'x\r\n' }])).toBe('a\rx\rb\r');
    expect(applyEdits('no break', [{ file: 'f', start: 0, end: 0, text: 'x\n' }])).toBe('x\nno break');
  });

  it('at one offset, keeps the order the fix lists its edits in', () => {
    expect(applyEdits('ab', [{ file: 'f', start: 1, end: 1, text: '1' }, { file: 'f', start: 1, end: 1, text: '2' }])).toBe('a12b');
  });
});

describe('unifiedDiff', () => {
  const cases: [string, string, string][] = [
    ['insertions and changes', 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n', 'a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nl2\nl3\nm\n'],
    ['nearby changes share a hunk', '1\n2\n3\n4\n5\n6\n7\n8\n', '1\n2x\n3\n4\n5\n6x\n7\n8\n'],
    ['a line added at the start', 'a\nb\n', 'x\na\nb\n'],
    ['a line added at the end', 'a\nb\n', 'a\nb\nc\n'],
    ['deletions', 'a\nb\nc\nd\n', 'a\nd\n'],
    ['no line break at the end', 'a\nb', 'a\nc'],
    ['CRLF text', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
    ['empty before', '', 'a\nb\n'],
  ];
  const dir = writeFolder({});

  for (const [name, before, after] of cases) {
    it(`matches GNU diff -u: ${name}`, () => {
      writeFileSync(path.join(dir, 'old'), before.replace(/\r\n/g, '\n'));
      writeFileSync(path.join(dir, 'new'), after.replace(/\r\n/g, '\n'));
      const gnu = spawnSync('diff', ['-u', '--label', 'a/file', '--label', 'b/file', 'old', 'new'], { cwd: dir, encoding: 'utf8' });
      expect(unifiedDiff(before, after, 'a/file', 'b/file')).toBe(gnu.stdout);
    });
  }

  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'a', 'b')).toBe('');
  });

});

// NOTE: jsdiff is Myers' O(ND): 60,000 lines with 4,600 scattered changes take ~8 s. Dry runs of
// thousands of fixes are rare; a schema of ordinary size diffs in milliseconds.
describe('unifiedDiff on a large file', () => {
  it('stays usable for a thousand scattered changes', () => {
    const a = Array.from({ length: 15_000 }, (_, i) => `line ${i}${i % 7 === 0 ? ' })' : ''}`);
    const b = a.map((line, i) => (i % 13 === 0 ? `${line} changed` : line));
    const started = performance.now();
    const patch = unifiedDiff(`${a.join('\n')}\n`, `${b.join('\n')}\n`, 'a/f', 'b/f');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(patch.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length).toBe(Math.ceil(15_000 / 13));
  });
});
