import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SuppressionDirective } from '../engine/suppressions.js';
import type { DrizzleConfigFacts } from '../loaders/drizzle-config.js';
import type { LoadResult } from '../loaders/load-schema.js';
import { TOOL_VERSION } from '../version.js';

export const DEFAULT_CACHE_FILE = '.schema-lint-cache';

/**
 * The incremental cache (`--cache`). What a run derives from source files is kept, keyed by the
 * SHA-1 of each file's content:
 * - the loaded model, with the content hash of every file the load read (roots and imports);
 *   reused only when the same roots load and none of those files changed;
 * - per file: its suppression directives and, for a drizzle config, its facts.
 * Classification, rules and reporting always run (they are cheap and depend on the config). A
 * different tool version, Node version or loader setting (casing) discards the whole cache. With
 * everything unchanged, a run never loads the TypeScript compiler.
 */
interface CacheData {
  readonly tool: string;
  readonly node: string;
  readonly loaderKey: string;
  load?: {
    readonly roots: readonly string[];
    readonly files: readonly (readonly [string, string])[];
    readonly result: { model: LoadResult['model']; problems: LoadResult['problems']; filesWithSyntaxErrors: string[] };
  };
  readonly directives: Record<string, readonly SuppressionDirective[]>;
  readonly drizzleConfigs: Record<string, DrizzleConfigFacts>;
}

export class LintCache {
  private data: CacheData;
  private readonly hashes = new Map<string, string | null>();
  private dirty = false;

  private constructor(
    readonly file: string,
    loaderKey: string,
    previous: CacheData | undefined,
  ) {
    const fresh: CacheData = { tool: TOOL_VERSION, node: process.version, loaderKey, directives: {}, drizzleConfigs: {} };
    const valid = previous && previous.tool === TOOL_VERSION && previous.node === process.version && previous.loaderKey === loaderKey;
    this.data = valid ? previous : fresh;
    this.dirty = !valid;
  }

  /** Opens the cache file (a missing, corrupt or outdated file starts an empty cache). */
  static open(file: string, loaderSettings: Readonly<Record<string, unknown>>): LintCache {
    let previous: CacheData | undefined;
    try {
      previous = deserialize(readFileSync(file)) as CacheData;
    } catch {
      previous = undefined;
    }
    return new LintCache(file, JSON.stringify(loaderSettings), previous);
  }

  /** SHA-1 of a file's content, read once per run; null when unreadable. */
  hash(file: string): string | null {
    let hash = this.hashes.get(file);
    if (hash === undefined) {
      try {
        hash = createHash('sha1').update(readFileSync(file)).digest('hex');
      } catch {
        hash = null;
      }
      this.hashes.set(file, hash);
    }
    return hash;
  }

  /** The cached load, if the same roots were loaded and no file it read has changed. */
  cachedLoad(roots: readonly string[]): LoadResult | undefined {
    const load = this.data.load;
    if (!load || load.roots.length !== roots.length || load.roots.some((r, i) => r !== roots[i])) return undefined;
    for (const [file, hash] of load.files) if (this.hash(file) !== hash) return undefined;
    return { model: load.result.model, problems: load.result.problems, filesWithSyntaxErrors: new Set(load.result.filesWithSyntaxErrors) };
  }

  storeLoad(roots: readonly string[], result: LoadResult): void {
    const files = [...new Set([...result.model.files, ...roots])].map((f) => [f, this.hash(f) ?? ''] as const);
    this.data.load = { roots: [...roots], files, result: { model: result.model, problems: result.problems, filesWithSyntaxErrors: [...result.filesWithSyntaxErrors] } };
    this.dirty = true;
  }

  directives(file: string, compute: () => SuppressionDirective[]): readonly SuppressionDirective[] {
    return this.memo(this.data.directives, file, compute);
  }

  drizzleConfig(file: string, compute: () => DrizzleConfigFacts): DrizzleConfigFacts {
    return this.memo(this.data.drizzleConfigs, file, compute);
  }

  private memo<T>(table: Record<string, T>, file: string, compute: () => T): T {
    const key = `${this.hash(file) ?? 'unreadable'}:${file}`;
    const hit = table[key];
    if (hit !== undefined) return hit;
    const value = compute();
    table[key] = value;
    this.dirty = true;
    return value;
  }

  /** Writes the cache atomically when something changed; failures only cost the next run's speed. */
  save(): void {
    if (!this.dirty) return;
    // NOTE: keep only entries for files whose content is current, so the file cannot grow forever.
    const live = new Set([...this.hashes].filter(([, h]) => h !== null).map(([f, h]) => `${h}:${f}`));
    const prune = <T>(table: Record<string, T>) => Object.fromEntries(Object.entries(table).filter(([key]) => live.has(key)));
    const data: CacheData = { ...this.data, directives: prune(this.data.directives), drizzleConfigs: prune(this.data.drizzleConfigs) };
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, serialize(data));
      renameSync(temp, this.file);
    } catch {
      // A read-only checkout still lints; it only does not get faster.
    }
  }
}
