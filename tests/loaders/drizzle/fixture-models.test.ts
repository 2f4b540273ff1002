import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../src/loaders/load-schema.js';
import { toModelJson } from '../../../src/model/model-json.js';
import { listDrizzleCases } from '../../differential/drizzle-cases.js';

/**
 * The model of every differential fixture, snapshotted. The differential test proves the model
 * right against PostgreSQL; this snapshot shows any change to it (defaults, checks, names, spans
 * that the catalog comparison does not cover) as one reviewable JSON diff.
 */
describe('drizzle loader: fixture models', () => {
  for (const fixture of listDrizzleCases()) {
    it(fixture.name, async () => {
      const { model, problems } = loadSchema([fixture.entry], fixture.casing ? { casing: fixture.casing } : {});
      const relative = (file: string) => path.relative(fixture.dir, file).split(path.sep).join('/');
      const snapshot = {
        entry: relative(fixture.entry),
        ...(fixture.casing ? { casing: fixture.casing } : {}),
        files: model.files.map(relative).sort(),
        problems: problems.map((p) => `${relative(p.span.file)}:${p.span.start.line}:${p.span.start.column} ${p.id} ${p.message}`),
        model: toModelJson(model, relative),
      };
      await expect(`${JSON.stringify(snapshot, null, 2)}\n`).toMatchFileSnapshot(`__snapshots__/${fixture.name}.json`);
    });
  }
});
