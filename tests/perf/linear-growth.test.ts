import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { generateSchema } from '../../src/bench/generate-schema.js';
import { classifyLoadedModel } from '../../src/classification/pipeline.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadDrizzleSchema } from '../../src/loaders/drizzle/load-drizzle-schema.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { reporters } from '../../src/reporters/index.js';

/**
 * Regression guard for linear growth that does not time anything: it counts work. Five times the
 * tables must cost about five times the work — parse each file once, evaluate proportionally many
 * expressions, touch model arrays proportionally often in rules, and split proportionally much
 * text in reporters. A quadratic step (a per-column scan over all tables, a per-diagnostic split of
 * the whole file) shows up as ~25×. Peers went quadratic here (prisma-lint, squawk's tty reporter).
 */
const SMALL = 200;
const LARGE = 1000;
const dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-growth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loads = new Map<number, ReturnType<typeof loadDrizzleSchema>>();
function load(tables: number) {
  let result = loads.get(tables);
  if (!result) {
    const schema = generateSchema(path.join(dir, String(tables)), { tables, tablesPerFile: Infinity });
    result = loadDrizzleSchema([schema.entry]);
    loads.set(tables, result);
  }
  return result;
}

/** Wraps every array of the model in a Proxy that counts element reads and iterations. */
function countingModel(model: SchemaModel): { model: SchemaModel; reads: () => number } {
  let reads = 0;
  const wrap = <T extends object>(value: T, seen: WeakMap<object, object>): T => {
    if (value === null || typeof value !== 'object') return value;
    const cached = seen.get(value);
    if (cached) return cached as T;
    let target: object;
    if (Array.isArray(value)) {
      const items = value.map((v) => wrap(v as object, seen));
      target = new Proxy(items, {
        get(t, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          if (key === Symbol.iterator) reads++;
          return Reflect.get(t, key, receiver);
        },
      });
    } else {
      target = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v as object, seen)]));
    }
    seen.set(value, target);
    return target as T;
  };
  return { model: wrap(model, new WeakMap()), reads: () => reads };
}

function ratio(small: number, large: number): number {
  return large / small;
}

describe('work grows linearly with schema size (200 vs 1,000 tables)', () => {
  it('the loader reads and parses each file once and evaluates proportionally many expressions', () => {
    const small = load(SMALL);
    const large = load(LARGE);
    expect(small.stats.filesParsed).toBe(1);
    expect(large.stats.filesParsed).toBe(1);
    expect(large.stats.filesRead).toBe(1);
    expect(ratio(small.stats.evaluationSteps, large.stats.evaluationSteps)).toBeGreaterThan(4);
    expect(ratio(small.stats.evaluationSteps, large.stats.evaluationSteps)).toBeLessThan(6);
  }, 60_000);

  it('classification and every rule touch the model proportionally often', () => {
    const counts = [SMALL, LARGE].map((n) => {
      const { tables, enums, files } = load(n);
      const counting = countingModel({ tables, enums, files });
      const classified = classifyLoadedModel(counting.model).model;
      runRules(classified, rules.map((rule) => ({ rule, severity: rule.meta.defaultSeverity, options: rule.options.parse({}) })));
      return counting.reads();
    });
    expect(ratio(counts[0]!, counts[1]!), `model reads: ${counts.join(' → ')}`).toBeLessThan(6);
  }, 60_000);

  it('reporters process proportionally much text', () => {
    const sizes = [SMALL, LARGE].map((n) => {
      const { tables, enums, files } = load(n);
      const model: SchemaModel = { tables, enums, files };
      const classified = classifyLoadedModel(model).model;
      const diagnostics: Diagnostic[] = runRules(classified, rules.map((rule) => ({ rule, severity: rule.meta.defaultSeverity, options: rule.options.parse({}) })));
      const file = model.files[0]!;
      const source = readFileSync(file, 'utf8');
      const split = String.prototype.split;
      let characters = 0;
      String.prototype.split = function countedSplit(this: string, ...args: Parameters<typeof split>) {
        characters += this.length;
        return split.apply(this, args);
      } as typeof split;
      try {
        for (const format of ['text', 'json', 'sarif'] as const) {
          reporters[format]({ diagnostics, fileCount: 1, tableCount: model.tables.length, rules: [] }, { cwd: dir, sourceRoot: dir, color: false, toolVersion: '0.0.0', docs: new Map(), readSource: () => source });
        }
      } finally {
        String.prototype.split = split;
      }
      return { diagnostics: diagnostics.length, characters };
    });
    expect(ratio(sizes[0]!.diagnostics, sizes[1]!.diagnostics)).toBeGreaterThan(4);
    expect(ratio(sizes[0]!.characters, sizes[1]!.characters), JSON.stringify(sizes)).toBeLessThan(6);
  }, 60_000);
});
