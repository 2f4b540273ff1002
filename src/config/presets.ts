import type { AnyRule, PresetName } from '../engine/define-rule.js';

/** Whether a preset turns a rule on. `strict` enables every rule; `hipaa` adds its rules to recommended. */
export function presetEnables(preset: PresetName, rule: AnyRule): boolean {
  switch (preset) {
    case 'strict':
      return true;
    case 'recommended':
      return rule.meta.recommended;
    case 'hipaa':
      return rule.meta.recommended || (rule.meta.presets ?? []).includes('hipaa');
  }
}
