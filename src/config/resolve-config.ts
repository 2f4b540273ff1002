import type { SeveritySetting } from '../engine/diagnostic.js';
import type { AnyRule, PresetName } from '../engine/define-rule.js';
import type { EnabledRule } from '../engine/run-rules.js';
import type { Casing } from '../loaders/drizzle/load-drizzle-schema.js';
import { didYouMean, type ConfigProblem } from './config-problem.js';
import { PRESET_NAMES, SEVERITY_SETTINGS, type RuleEntry } from './config-schema.js';
import type { LoadedConfig } from './load-config.js';
import { presetEnables } from './presets.js';

export interface RuleSetting {
  readonly severity: SeveritySetting;
  /** Options as parsed by the rule's schema (defaults filled in). */
  readonly options: unknown;
}

export interface ResolvedConfig {
  /** Enabled rules, in registry order, with parsed options. */
  readonly rules: readonly EnabledRule[];
  /** Every rule's effective setting, including those turned off (for print-config). */
  readonly settings: ReadonlyMap<string, RuleSetting>;
  readonly presets: readonly PresetName[];
  readonly include: readonly string[];
  readonly ignore: readonly string[];
  readonly casing?: Casing;
  readonly drizzleConfig?: string;
  readonly classificationManifest?: string;
  readonly configFile?: string;
  readonly baseDir: string;
}

export interface ConfigOverrides {
  /** `--preset` */
  readonly preset?: string;
  /** `--rule id=severity`, repeatable. */
  readonly rules?: readonly string[];
}

export type ResolveResult = { readonly ok: true; readonly config: ResolvedConfig } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/**
 * Turns the raw config plus command-line overrides into enabled rules with parsed options.
 * Collects every problem (unknown rules with suggestions, bad severities, invalid options) before failing.
 */
export function resolveConfig(loaded: LoadedConfig, overrides: ConfigOverrides, registry: readonly AnyRule[]): ResolveResult {
  const problems: ConfigProblem[] = [];
  const source = loaded.file ?? 'command line';
  const byId = new Map(registry.map((rule) => [rule.id, rule]));
  const ruleIds = [...byId.keys()];
  const raw = loaded.raw;

  let presets: PresetName[] = raw.extends === undefined ? ['recommended'] : Array.isArray(raw.extends) ? [...raw.extends] : [raw.extends];
  if (overrides.preset !== undefined) {
    if ((PRESET_NAMES as readonly string[]).includes(overrides.preset)) presets = [overrides.preset as PresetName];
    else {
      const hint = didYouMean(overrides.preset, PRESET_NAMES);
      problems.push({ code: 'unknown-preset', source: '--preset', path: [], message: `unknown preset "${overrides.preset}"; expected one of ${PRESET_NAMES.join(', ')}.`, ...(hint ? { hint } : {}) });
    }
  }

  const severities = new Map<string, SeveritySetting>();
  const options = new Map<string, { value: unknown; source: string; path: (string | number)[] }>();
  for (const rule of registry) {
    severities.set(rule.id, presets.some((p) => presetEnables(p, rule)) ? rule.meta.defaultSeverity : 'off');
  }

  const prefix = loaded.file?.endsWith('package.json') ? ['schema-lint'] : [];
  for (const [id, entry] of Object.entries(raw.rules ?? {})) {
    if (!byId.has(id)) {
      const hint = didYouMean(id, ruleIds);
      problems.push({ code: 'unknown-rule', source, path: [...prefix, 'rules', id], message: 'unknown rule.', ...(hint ? { hint } : { hint: 'Run `schema-lint list-rules` to see every rule.' }) });
      continue;
    }
    const [severity, ruleOptions] = splitEntry(entry);
    severities.set(id, severity);
    if (ruleOptions !== undefined) options.set(id, { value: ruleOptions, source, path: [...prefix, 'rules', id, 1] });
  }

  for (const assignment of overrides.rules ?? []) {
    const match = /^([^=]+)=(.*)$/.exec(assignment);
    if (!match) {
      problems.push({ code: 'invalid-argument', source: '--rule', path: [], message: `"${assignment}" is not of the form <rule-id>=<off|warn|error>.` });
      continue;
    }
    const id = match[1]!.trim();
    const severity = match[2]!.trim();
    if (!byId.has(id)) {
      const hint = didYouMean(id, ruleIds);
      problems.push({ code: 'unknown-rule', source: '--rule', path: [], message: `unknown rule "${id}".`, ...(hint ? { hint } : {}) });
      continue;
    }
    if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      const hint = didYouMean(severity, SEVERITY_SETTINGS);
      problems.push({ code: 'invalid-severity', source: '--rule', path: [], message: `"${severity}" is not a severity for ${id}; expected off, warn or error.`, ...(hint ? { hint } : {}) });
      continue;
    }
    severities.set(id, severity as SeveritySetting);
  }

  const enabled: EnabledRule[] = [];
  const settings = new Map<string, RuleSetting>();
  for (const rule of registry) {
    const severity = severities.get(rule.id) ?? 'off';
    const given = options.get(rule.id);
    const parsed = rule.options.safeParse(given?.value ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = [...(given?.path ?? []), ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
        if (issue.code === 'unrecognized_keys') {
          const known = optionKeys(rule);
          for (const key of issue.keys) {
            const hint = didYouMean(key, known);
            problems.push({ code: 'invalid-options', source: given?.source ?? source, path: [...at, key], message: `unknown option for ${rule.id}.`, ...(hint ? { hint } : known.length > 0 ? { hint: `Known options: ${known.join(', ')}.` } : { hint: `${rule.id} takes no options.` }) });
          }
        } else {
          problems.push({ code: 'invalid-options', source: given?.source ?? source, path: at, message: `${issue.message.replace(/\.$/, '')}.` });
        }
      }
      continue;
    }
    settings.set(rule.id, { severity, options: parsed.data });
    if (severity !== 'off') enabled.push({ rule, severity, options: parsed.data });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      rules: enabled,
      settings,
      presets,
      include: raw.include ?? [],
      ignore: raw.ignore ?? [],
      ...(raw.casing ? { casing: raw.casing } : {}),
      ...(raw.drizzleConfig ? { drizzleConfig: raw.drizzleConfig } : {}),
      ...(raw.classificationManifest ? { classificationManifest: raw.classificationManifest } : {}),
      ...(loaded.file ? { configFile: loaded.file } : {}),
      baseDir: loaded.baseDir,
    },
  };
}

function splitEntry(entry: RuleEntry): [SeveritySetting, Record<string, unknown> | undefined] {
  if (typeof entry === 'string') return [entry, undefined];
  return [entry[0], entry[1]];
}

function optionKeys(rule: AnyRule): string[] {
  const shape = (rule.options as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}
