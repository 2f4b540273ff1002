import { DB_CHECK_IDS } from '../db-check/ids.js';

/**
 * Diagnostics raised by schema-lint itself rather than by a rule. The `schema-lint/` prefix keeps
 * them apart from rule ids; each has a description and explain text like a rule.
 */
export interface ReservedIdDoc {
  readonly id: string;
  readonly description: string;
  readonly explain: string;
}

export const RESERVED_IDS: readonly ReservedIdDoc[] = [
  {
    id: 'schema-lint/parse-error',
    description: 'A schema file could not be read or parsed',
    explain: [
      'A file given to schema-lint (or imported by one) could not be read, is binary, or has a syntax error.',
      '',
      'Findings of rules are withheld for a file with syntax errors, because a partial parse would',
      'produce misleading diagnostics. Fix the syntax error (your editor or `tsc` shows it too) and run',
      'schema-lint again. An unreadable path usually means a typo or missing permissions.',
    ].join('\n'),
  },
  {
    id: 'schema-lint/unresolved-reference',
    description: 'A schema construct could not be resolved statically',
    explain: [
      'schema-lint reads schema code without running it. This diagnostic marks something it could not',
      'follow: a table name computed at run time, a spread of a value that is not a plain object, a',
      'foreign key whose target is not a column reference, an unknown entry in the extra configuration.',
      '',
      'Nothing is guessed: the construct is left out of the model, so rules may miss problems there.',
      'Write the construct with literals and direct references (`.references(() => users.id)`), or',
      'suppress the diagnostic with a reason if the code must stay dynamic.',
    ].join('\n'),
  },
  {
    id: 'schema-lint/unsupported-syntax',
    description: 'A construct schema-lint does not support',
    explain: [
      'The code uses a construct schema-lint does not understand yet (for example a configuration',
      'object that is not a literal). The construct is ignored. Please report it with a minimal example.',
    ].join('\n'),
  },
  {
    id: 'schema-lint/suppression-missing-reason',
    description: 'A suppression directive without a reason',
    explain: [
      'Every inline suppression must say why: `// schema-lint-disable-next-line require-fk-index -- <reason>`.',
      'A directive without a reason suppresses nothing, so the finding it meant to hide is reported too.',
    ].join('\n'),
  },
  {
    id: 'schema-lint/suppression-unknown-rule',
    description: 'A suppression directive names a rule that does not exist',
    explain: 'The directive names an id that is not a rule (often a typo or a renamed rule). It suppresses nothing until the id is fixed.',
  },
  {
    id: 'schema-lint/invalid-suppression',
    description: 'A malformed suppression directive',
    explain: 'The directive names no rule (blanket suppressions are not allowed) or has an `until=` that is not a YYYY-MM-DD date. It suppresses nothing.',
  },
  {
    id: 'schema-lint/suppression-expired',
    description: 'A suppression directive whose expiry date has passed',
    explain: 'The directive carried `until=YYYY-MM-DD` and that day has passed: the diagnostics it covered are reported again. Fix them, or extend the date with a fresh reason.',
  },
  {
    id: 'schema-lint/unused-suppression',
    description: 'A suppression directive that suppresses nothing',
    explain: 'No diagnostic of the named rule(s) starts on the line the directive covers (or, for a file directive, anywhere in the file). The problem is gone or moved: remove the directive.',
  },
  {
    id: 'schema-lint/invalid-classification',
    description: 'A classification declaration schema-lint cannot read',
    explain: [
      'A JSDoc classification tag (`@phi`, `@pii`, `@special`, `@credential`, `@not-sensitive`, `@retention`,',
      '`@consent`, `@source`) or a SQLAlchemy `info={...}` entry has an unknown key, a bad value (severity,',
      'source, an ISO-8601 duration), or an opt-out without a reason. The grammar is',
      '`@<class> [category] [encrypted] [required] [key=value ...]`; see the README section on classification.',
    ].join('\n'),
  },
  {
    id: 'schema-lint/classification-conflict',
    description: 'Code and the classification manifest disagree',
    explain: 'A column or table is declared with one class in code and another in schema-lint.classification.json. The code wins; remove one of the two declarations.',
  },
  {
    id: 'schema-lint/classification-manifest',
    description: 'The classification manifest refers to something that does not exist',
    explain: 'The manifest names a table or column that is not in the loaded schema (renamed or dropped), or a retention policy it does not define.',
  },
  {
    id: 'schema-lint/no-schema-found',
    description: 'A file given explicitly declares no tables',
    explain: 'A file passed on the command line declares no Drizzle or SQLAlchemy tables. Check the path.',
  },
];

/** Every reserved id, including db-check's drift ids. */
export const ALL_RESERVED_IDS: readonly ReservedIdDoc[] = [...RESERVED_IDS, ...DB_CHECK_IDS];

export const reservedIdDocs: ReadonlyMap<string, ReservedIdDoc> = new Map(ALL_RESERVED_IDS.map((d) => [d.id, d]));
