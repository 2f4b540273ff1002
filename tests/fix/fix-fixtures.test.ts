import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchema } from '../../src/loaders/load-schema.js';
import { copyFiles, describeRun, FIX_FIXTURES, fixAndWrite, fixIn, readCaseOptions, removeCopies } from './helpers.js';

/**
 * Every `fixtures/fix/<loader>/<case>.options.json` names a case: its files are copied to a
 * temporary folder, the fixes of the case's kinds are computed and written, and
 * - the fixed file must equal `<case>.fixed.<ext>` (a file snapshot: review it as a diff);
 * - `<case>.fix.txt` records what was fixed, what was not and why, and what remains;
 * - the fixed files load with no more loader problems than before;
 * - a second run changes nothing (fixes are idempotent).
 */
afterAll(removeCopies);

for (const loader of ['drizzle', 'sqlalchemy']) {
  const folder = path.join(FIX_FIXTURES, loader);
  const cases = readdirSync(folder).filter((f) => f.endsWith('.options.json')).map((f) => f.replace(/\.options\.json$/, ''));

  describe(`fixtures/fix/${loader}`, () => {
    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(2);
    });

    for (const name of cases) {
      it(name, async () => {
        const options = readCaseOptions(path.join(folder, `${name}.options.json`));
        const caseFile = options.case ?? (existsSync(path.join(folder, `${name}.ts`)) ? `${name}.ts` : `${name}.py`);
        const paths = options.paths ?? [caseFile];
        const dir = copyFiles(folder, options.files ?? [caseFile]);
        const before = loadSchema(paths.map((p) => path.join(dir, p)));

        const run = fixAndWrite(dir, options, paths);
        const fixed = readFileSync(path.join(dir, caseFile), 'utf8');
        const ext = path.extname(caseFile);
        await expect(fixed).toMatchFileSnapshot(path.join(folder, `${name}.fixed${ext}`));
        await expect(describeRun(run, dir)).toMatchFileSnapshot(path.join(folder, `${name}.fix.txt`));

        const after = loadSchema(paths.map((p) => path.join(dir, p)));
        const problems = (r: typeof before) => r.problems.map((p) => `${p.id} ${p.message}`).sort();
        expect(problems(after), 'the fixed files load without new problems').toEqual(problems(before));
        expect(after.filesWithSyntaxErrors.size).toBe(0);

        const again = fixIn(dir, options, paths);
        expect(again.changes, 'a second run changes nothing').toEqual([]);
      });
    }
  });
}
