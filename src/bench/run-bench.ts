import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../docs/rule-doc.js';
import { generateSchema, type GeneratedSchema } from './generate-schema.js';

/**
 * `npm run bench`: whole-process, cold (fresh Node process, warm page cache) measurements of
 * schema-lint against the TypeScript parse floor and `drizzle-kit generate` on the same generated
 * schemas. Each round runs every command once, in rotated order; ratios are taken within a round
 * and reported as medians (absolute times drift ±15 % on shared machines; paired ratios do not).
 */
interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly rssMb: number;
}

interface Command {
  readonly name: 'schema-lint' | 'floor' | 'drizzle-kit';
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly before?: () => void;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '15,100,1000,5000' },
    layouts: { type: 'string', default: 'single,split' },
    rounds: { type: 'string', default: '5' },
    json: { type: 'string' },
    'no-drizzle-kit': { type: 'boolean', default: false },
    'schema-lint-args': { type: 'string', default: '' },
  },
});

const root = packageRoot();
const sizes = values.sizes.split(',').map(Number);
const layouts = values.layouts.split(',') as ('single' | 'split')[];
const rounds = Number(values.rounds);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// NOTE: generated schemas live inside the package so `drizzle-orm` and `drizzle-zod` resolve for drizzle-kit.
const workRoot = mkdtempSync(path.join(existsSync(path.join(root, 'node_modules')) ? path.join(root, 'node_modules') : tmpdir(), '.schema-lint-bench-'));

function measure(command: Command): Sample {
  command.before?.();
  const usageFile = path.join(workRoot, 'usage.txt');
  const argv = timeBin ? [timeBin, '-f', '%e %U %S %M', '-o', usageFile, process.execPath, ...command.argv] : [process.execPath, ...command.argv];
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd: command.cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !(command.name === 'schema-lint' && result.status === 1)) {
    throw new Error(`${command.name} failed (${result.status}): ${result.stderr.toString().slice(0, 2000)}`);
  }
  if (!timeBin) return { wallMs, cpuMs: NaN, rssMb: NaN };
  const [, user, sys, rssKb] = readFileSync(usageFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallMs, cpuMs: (user! + sys!) * 1000, rssMb: rssKb! / 1024 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function commandsFor(schema: GeneratedSchema): Command[] {
  const extra = values['schema-lint-args'].split(' ').filter(Boolean);
  const commands: Command[] = [
    { name: 'schema-lint', argv: [path.join(root, 'bin', 'schema-lint.cjs'), ...extra], cwd: schema.dir },
    { name: 'floor', argv: [path.join(root, 'dist', 'src', 'bench', 'floor.js'), ...schema.files], cwd: schema.dir },
  ];
  if (!values['no-drizzle-kit']) {
    commands.push({
      name: 'drizzle-kit',
      argv: [path.join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', '--config', 'drizzle.config.ts'],
      cwd: schema.dir,
      // NOTE: a fresh output folder each run: drizzle-kit writes a full migration (perf.md measured it so).
      before: () => rmSync(path.join(schema.dir, 'drizzle'), { recursive: true, force: true }),
    });
  }
  return commands;
}

interface Row {
  readonly tables: number;
  readonly layout: string;
  readonly files: number;
  readonly bytes: number;
  readonly medians: Record<string, Sample>;
  readonly ratios: Record<string, number>;
}

const rows: Row[] = [];
for (const layout of layouts) {
  for (const tables of sizes) {
    const schema = generateSchema(path.join(workRoot, `${layout}-${tables}`), { tables, tablesPerFile: layout === 'single' ? Infinity : 50 });
    const commands = commandsFor(schema);
    for (const command of commands) measure(command); // warm-up
    const samples: Record<string, Sample[]> = {};
    const ratios: Record<string, number[]> = { 'schema-lint/floor': [], 'schema-lint/drizzle-kit': [] };
    const roundsHere = tables >= 5000 ? Math.max(3, Math.min(rounds, 3)) : rounds;
    for (let r = 0; r < roundsHere; r++) {
      const round: Record<string, Sample> = {};
      for (let k = 0; k < commands.length; k++) {
        const command = commands[(r + k) % commands.length]!;
        round[command.name] = measure(command);
        (samples[command.name] ??= []).push(round[command.name]!);
      }
      ratios['schema-lint/floor']!.push(round['schema-lint']!.wallMs / round['floor']!.wallMs);
      if (round['drizzle-kit']) ratios['schema-lint/drizzle-kit']!.push(round['schema-lint']!.wallMs / round['drizzle-kit']!.wallMs);
    }
    const medians = Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, { wallMs: median(list.map((s) => s.wallMs)), cpuMs: median(list.map((s) => s.cpuMs)), rssMb: median(list.map((s) => s.rssMb)) }]));
    const row: Row = { tables, layout, files: schema.files.length, bytes: schema.bytes, medians, ratios: Object.fromEntries(Object.entries(ratios).filter(([, v]) => v.length > 0).map(([k, v]) => [k, median(v)])) };
    rows.push(row);
    process.stderr.write(`${layout} ${tables}: schema-lint ${row.medians['schema-lint']!.wallMs.toFixed(0)} ms\n`);
  }
}
rmSync(workRoot, { recursive: true, force: true });

const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}; medians of ${rounds} rounds after a warm-up (3 at 5,000 tables).`,
  '',
  '| tables | layout | schema-lint wall / CPU / RSS | floor wall / RSS | drizzle-kit wall / RSS | ÷ floor | ÷ drizzle-kit |',
  '|---:|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => {
    const s = r.medians['schema-lint']!;
    const f = r.medians['floor']!;
    const d = r.medians['drizzle-kit'];
    return `| ${r.tables} | ${r.layout}${r.files > 1 ? ` (${r.files} files)` : ''} | ${fmt(s.wallMs)} ms / ${fmt(s.cpuMs)} ms / ${fmt(s.rssMb)} MB | ${fmt(f.wallMs)} ms / ${fmt(f.rssMb)} MB | ${d ? `${fmt(d.wallMs)} ms / ${fmt(d.rssMb)} MB` : '–'} | ${fmt(r.ratios['schema-lint/floor'], 2)}× | ${fmt(r.ratios['schema-lint/drizzle-kit'], 2)}× |`;
  }),
];

const targets: string[] = [];
const single = (n: number) => rows.find((r) => r.tables === n && r.layout === 'single');
const check = (label: string, ok: boolean | undefined, detail: string) => {
  if (ok !== undefined) targets.push(`${ok ? 'PASS' : 'FAIL'}  ${label}: ${detail}`);
};
const small = single(15);
if (small) {
  check('15 tables ≤ 1.0× the floor', small.ratios['schema-lint/floor']! <= 1.0, `${fmt(small.ratios['schema-lint/floor'], 2)}×`);
  if (small.ratios['schema-lint/drizzle-kit'] !== undefined) check('15 tables ≤ 0.6× drizzle-kit', small.ratios['schema-lint/drizzle-kit'] <= 0.6, `${fmt(small.ratios['schema-lint/drizzle-kit'], 2)}×`);
}
const big = single(5000);
if (big) {
  if (big.ratios['schema-lint/drizzle-kit'] !== undefined) check('5,000 tables ≤ 0.3× drizzle-kit', big.ratios['schema-lint/drizzle-kit'] <= 0.3, `${fmt(big.ratios['schema-lint/drizzle-kit'], 2)}×`);
  check('5,000 tables ≤ 300 MB peak', big.medians['schema-lint']!.rssMb <= 300, `${fmt(big.medians['schema-lint']!.rssMb)} MB`);
  const thousand = single(1000);
  if (thousand) {
    const growth = big.medians['schema-lint']!.wallMs / thousand.medians['schema-lint']!.wallMs;
    check('time(5,000) / time(1,000) ≤ 5.5', growth <= 5.5, `${fmt(growth, 2)}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n\n${targets.join('\n')}\n`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ machine: lines[0], rows, targets }, null, 2)}\n`);
