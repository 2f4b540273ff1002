import { z } from 'zod';

export const SEVERITY_SETTINGS = ['off', 'warn', 'error'] as const;
export const PRESET_NAMES = ['recommended', 'strict', 'hipaa'] as const;

const severity = z.enum(SEVERITY_SETTINGS);

/** A rule entry: `"warn"` or `["error", { ...options }]`. Options are validated later by the rule's own schema. */
export const ruleEntrySchema = z.union([severity, z.tuple([severity]), z.tuple([severity, z.record(z.string(), z.unknown())])]);

/**
 * The shape of `schema-lint.config.json` (and `package.json#schema-lint`). The shipped JSON Schema
 * (src/schemas/config.schema.json) is generated from this; tests/config/config-json-schema.test.ts
 * keeps them equal.
 */
export const rawConfigSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema reference for editors.'),
    extends: z
      .union([z.enum(PRESET_NAMES), z.array(z.enum(PRESET_NAMES))])
      .optional()
      .describe('Preset(s) to start from: "recommended" (the default), "strict" (every rule on) or "hipaa".'),
    include: z.array(z.string()).optional().describe('Globs of schema files, relative to the config file. Used when no paths are given.'),
    ignore: z.array(z.string()).optional().describe('Globs of files never linted, relative to the config file.'),
    casing: z.enum(['snake_case', 'camelCase']).optional().describe("Drizzle's `casing` for columns declared without a SQL name (defaults to the drizzle config's)."),
    drizzleConfig: z.string().optional().describe('Path of the drizzle config whose `schema` globs are linted when no paths are given.'),
    classificationManifest: z.string().optional().describe('Path of the classification manifest (default: schema-lint.classification.json next to the config, if present).'),
    rules: z.record(z.string(), ruleEntrySchema).optional().describe('Per-rule severity ("off" | "warn" | "error") and options: ["error", { ... }].'),
  })
  .strict();

export type RawConfig = z.infer<typeof rawConfigSchema>;
export type RuleEntry = z.infer<typeof ruleEntrySchema>;
