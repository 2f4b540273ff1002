/**
 * Phase timings for performance work: `SCHEMA_LINT_TIMING=1 schema-lint ...` prints how long each
 * phase took to stderr. Off by default; costs one environment lookup per phase.
 */
export function timed<T>(phase: string, fn: () => T): T {
  if (!process.env['SCHEMA_LINT_TIMING']) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    const { rss, heapUsed } = process.memoryUsage();
    process.stderr.write(`schema-lint timing: ${phase} ${(performance.now() - start).toFixed(1)} ms (rss ${(rss / 2 ** 20).toFixed(0)} MB, heap ${(heapUsed / 2 ** 20).toFixed(0)} MB)\n`);
  }
}
