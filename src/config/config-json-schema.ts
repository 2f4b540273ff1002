import { z } from 'zod';
import type { AnyRule } from '../engine/define-rule.js';
import { PRESET_NAMES, rawConfigSchema, SEVERITY_SETTINGS } from './config-schema.js';

/**
 * The JSON Schema of schema-lint.config.json, generated from the zod schema, with each rule's
 * options schema spelled out so editors complete rule ids and options. Shipped as
 * src/schemas/config.schema.json; tests/config/config-json-schema.test.ts keeps it in step.
 */
export function buildConfigJsonSchema(registry: readonly AnyRule[]): Record<string, unknown> {
  const base = z.toJSONSchema(rawConfigSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  const severity = { type: 'string', enum: [...SEVERITY_SETTINGS] };
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of registry) {
    const options = z.toJSONSchema(rule.options, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
    delete options['$schema'];
    ruleProperties[rule.id] = {
      description: `${rule.meta.description}. Default: ${rule.meta.defaultSeverity}${rule.meta.recommended ? ' (recommended)' : ''}.`,
      anyOf: [severity, { type: 'array', items: [severity], minItems: 1, maxItems: 1 }, { type: 'array', items: [severity, options], minItems: 2, maxItems: 2 }],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/schema-lint/schema-lint/blob/main/src/schemas/config.schema.json',
    title: 'schema-lint configuration',
    ...base,
    properties: {
      ...base.properties,
      extends: { ...base.properties['extends'], examples: [...PRESET_NAMES] },
      rules: { ...base.properties['rules'], type: 'object', properties: ruleProperties, additionalProperties: false },
    },
  };
}
