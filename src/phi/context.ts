import { memoizeString } from './memo.js';
import { tableKey } from '../model/model-queries.js';
import type { SchemaModel, Table } from '../model/schema-model.js';
import { LEXICON } from './lexicon.js';
import type { TermMatch } from './lexicon.js';
import { normalizeWords } from './normalize.js';
import { tokenize } from './tokenize.js';
import type { TableContext } from './types.js';

/** What a table's name says about it. Computed from the name alone. */
export interface TableFacts {
  /** A table of people: `patients`, `user_profiles`, `members`. */
  readonly personTable: boolean;
  /** A table of patients specifically: their other columns are health records too. */
  readonly patientTable: boolean;
  /** A table of health or clinical records: `daily_checkins`, `labevents`, `medications`. */
  readonly healthTable: boolean;
  /** The clinical term in the table name, if any (`allergies` → phi.allergy): the category of its free text. */
  readonly clinicalTerm?: TermMatch;
  /** A conversation or personal record: `chat_messages`, `call_summaries`, `diary_entries`. */
  readonly communicationTable: boolean;
  /** An organisation: `clinics`, `organizations`, `care_site`. Judged on the last word of the name. */
  readonly organisationTable: boolean;
  /** A reference vocabulary: MIMIC `d_icd_diagnoses`, OMOP `concept`. */
  readonly dictionaryTable: boolean;
  /** Settings, jobs, products, logs, templates... */
  readonly technicalTable: boolean;
  /** Settings and integrations: contact details there belong to the system or the company. */
  readonly configurationTable: boolean;
  /** Sessions, tokens, credentials, invitations: a bare `token` there is a secret. */
  readonly authTable: boolean;
  /** API keys, credentials, secrets: a bare `key` there is the secret. */
  readonly keyTable: boolean;
  /** Psychotherapy or counselling records. */
  readonly therapyTable: boolean;
  /** A table of addresses or locations. */
  readonly addressTable: boolean;
  /** Best guess, without foreign keys, that rows are about one person. */
  readonly guessedPersonLinked: boolean;
}

/** Classify a table by the words of its name (`check_ins` → checkin, `chartevents` → chart, event). */
export function tableFacts(tableName: string): TableFacts {
  return tableFactsCached(tableName);
}

// NOTE: classifyColumn asks for the facts of the same table once per column.
const tableFactsCached = memoizeString((tableName: string): TableFacts => {
  const lexicon = LEXICON;
  const words = normalizeWords(tokenize(tableName));
  const { tables } = lexicon;
  const phrases = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) phrases.add(`${words[i]} ${words[i + 1]}`);
  const any = (set: ReadonlySet<string>): boolean => {
    for (const p of phrases) if (set.has(p)) return true;
    return false;
  };

  const technicalTable = any(tables.technical);
  // Clinical words in a table name make it a health table. Clinical-weak words that need only a
  // person context (`bp_readings`, `weight_logs`) count too, unless the table is technical
  // (`sensor_temperatures`); those that need a health context (`test_runs`) do not.
  let clinicalTerm: TermMatch | undefined;
  for (const p of phrases) {
    const match = lexicon.terms.get(p);
    if (match?.group.kind !== 'clinical') continue;
    const requires = match.group.requires;
    if (requires === 'always' || tables.health.has(p) || (requires === 'person' && !technicalTable)) {
      if (!clinicalTerm || severityRank(match) > severityRank(clinicalTerm)) clinicalTerm = match;
    }
  }

  const head = words[words.length - 1] ?? '';
  const headPair = words.length >= 2 ? `${words[words.length - 2]} ${head}` : head;
  const personTable = any(tables.person) && !any(tables.personExceptions);
  const patientTable = personTable && any(tables.patientWords);
  const dictionaryTable = words[0] === 'd' || any(tables.dictionary);
  const organisationTable = tables.organisation.has(head) || tables.organisation.has(headPair);
  const healthTable =
    !dictionaryTable && !organisationTable && (patientTable || clinicalTerm !== undefined || any(tables.health));
  const communicationTable = any(tables.communication);
  const addressTable = any(tables.address);
  // An address table (`addresses`, OMOP `location`) holds where people live.
  const guessedPersonLinked =
    !dictionaryTable &&
    !organisationTable &&
    (personTable || healthTable || addressTable || (communicationTable && !technicalTable));

  return {
    personTable,
    patientTable,
    healthTable,
    ...(clinicalTerm ? { clinicalTerm } : {}),
    communicationTable,
    organisationTable,
    dictionaryTable,
    technicalTable,
    configurationTable: any(tables.configuration),
    authTable: any(tables.auth),
    keyTable: words.some((w) => w === 'key' || w === 'credential' || w === 'secret' || w === 'apikey'),
    therapyTable: any(tables.therapy),
    addressTable,
    guessedPersonLinked,
  };
});

/**
 * Person-link and health context of every table of a model.
 *
 * - A table is person-linked when it is a person table itself, or has a foreign-key path of
 *   length ≤ 2 to one. A column named `<person word>_id` (`patient_id`, `user_id`) counts as a
 *   link even when no foreign key is declared, because many schemas leave them out.
 * - A table is a health table when its name says so, when it is a patient table, or when it is
 *   person-linked, not technical, and has a foreign key to a health table (a `notes` table
 *   hanging off `encounters` holds clinical notes whatever it is called).
 *
 * Linear in tables + columns + foreign keys: lookups are built once.
 */
export function tableContexts(model: SchemaModel): Map<Table, TableContext> {
  const byKey = new Map<string, Table>();
  for (const table of model.tables) {
    const key = tableKey(table.name, table.schema);
    if (!byKey.has(key)) byKey.set(key, table);
  }
  const facts = new Map<Table, TableFacts>();
  for (const table of model.tables) facts.set(table, tableFacts(table.name));

  const targets = new Map<Table, Table[]>();
  const namesPerson = new Set<Table>();
  for (const table of model.tables) {
    const list: Table[] = [];
    for (const fk of table.foreignKeys) {
      if (fk.target.table === undefined) continue;
      const target = byKey.get(tableKey(fk.target.table, fk.target.schema ?? table.schema));
      if (target && target !== table) list.push(target);
    }
    targets.set(table, list);
    for (const column of table.columns) {
      if (columnNamesPerson(column.name)) {
        namesPerson.add(table);
        break;
      }
    }
  }

  const isPerson = (t: Table): boolean => facts.get(t)?.personTable === true;
  const linkedAtOne = (t: Table): boolean =>
    isPerson(t) || namesPerson.has(t) || (targets.get(t) ?? []).some(isPerson);
  const linked = new Map<Table, boolean>();
  for (const table of model.tables) {
    const value = linkedAtOne(table) || (targets.get(table) ?? []).some(linkedAtOne);
    linked.set(table, value && facts.get(table)?.dictionaryTable !== true);
  }

  const namedHealth = (t: Table): boolean => facts.get(t)?.healthTable === true;
  const result = new Map<Table, TableContext>();
  for (const table of model.tables) {
    const own = facts.get(table);
    const personLinked = linked.get(table) === true;
    const inherited =
      personLinked &&
      own?.technicalTable !== true &&
      own?.organisationTable !== true &&
      (targets.get(table) ?? []).some(namedHealth);
    result.set(table, { personLinked, healthTable: namedHealth(table) || inherited });
  }
  return result;
}

/** `patient_id`, `userId`, `subject_id`: a key column that points at a person. */
function columnNamesPerson(columnName: string): boolean {
  // NOTE: only `<person>_id` qualifies; most names fail this test without being tokenised.
  if (!/id$/i.test(columnName)) return false;
  const words = normalizeWords(tokenize(columnName));
  if (words.length !== 2 || words[1] !== 'id') return false;
  const first = words[0] as string;
  return LEXICON.roles.personWords.has(first);
}

function severityRank(match: TermMatch): number {
  return ['low', 'medium', 'high', 'critical'].indexOf(match.group.severity);
}
