import { tableFacts } from './context.js';
import type { TableFacts } from './context.js';
import { LEXICON } from './lexicon.js';
import type { Lexicon, TermMatch } from './lexicon.js';
import { normalizeWords } from './normalize.js';
import { splitIdentifier, tokenize } from './tokenize.js';
import type { Classification, ColumnInput, Confidence, DataClass, Severity } from './types.js';
import type { TermGroup } from './vocabulary.js';

/**
 * Classify one column by its name(s), its table's context and its SQL type.
 *
 * The rules run in a fixed order and the first decisive one wins (phi.md §4(a)):
 * settings → value-encoding tails → keys → credentials → special categories → dates →
 * clinical-strong words → person names → identifiers → quasi-identifiers → clinical-weak
 * words → containers → opaque blobs → clinical word shapes → none.
 *
 * For Drizzle both the property key and the SQL name are classified and the more
 * sensitive answer is kept: some schemas spell the meaning in only one of them.
 */
export function classifyColumn(input: ColumnInput): Classification {
  return classifyColumnIn(prepareTable(input.tableName, input.personLinked, input.healthTable), input.name, input.propertyKey, input.sqlType);
}

/** A table's context, computed once for all its columns. */
export interface PreparedTable {
  readonly facts: TableFacts;
  readonly personLinked: boolean;
  readonly health: boolean;
  /** contextKey() without the column's SQL type. */
  readonly key: string;
}

export function prepareTable(tableName: string, personLinked?: boolean, healthTable?: boolean): PreparedTable {
  const facts = tableFacts(tableName);
  const linked = personLinked ?? facts.guessedPersonLinked;
  const health = healthTable ?? facts.healthTable;
  return { facts, personLinked: linked, health, key: contextKey({ ...facts, personLinked: linked, health, sqlType: 'unknown' }) };
}

/** Classifies one column of a prepared table. */
export function classifyColumnIn(table: PreparedTable, name: string, propertyKey?: string, sqlType?: string): Classification {
  const kind = sqlTypeKind(sqlType);
  const ctx: Context = { ...table.facts, personLinked: table.personLinked, health: table.health, sqlType: kind };
  const key = `${table.key}|${kind}`;
  const byName = classifyIdentifierCached(name, ctx, key);
  if (propertyKey === undefined || propertyKey === name) return byName;
  const byKey = classifyIdentifierCached(propertyKey, ctx, key);
  return rank(byKey) > rank(byName) ? byKey : byName;
}

/**
 * Everything the rules read from the context, as a string: two columns with the same name in
 * tables of the same kind get the same answer. Large schemas repeat names (`id`, `status`,
 * `created_at`, `notes`) across hundreds of tables, so the cache saves most of the work.
 */
function contextKey(ctx: Context): string {
  const flags = [
    ctx.personTable, ctx.patientTable, ctx.healthTable, ctx.communicationTable, ctx.organisationTable, ctx.dictionaryTable,
    ctx.technicalTable, ctx.configurationTable, ctx.authTable, ctx.keyTable, ctx.therapyTable, ctx.addressTable,
    ctx.guessedPersonLinked, ctx.personLinked, ctx.health,
  ];
  let bits = '';
  for (const flag of flags) bits += flag ? '1' : '0';
  return `${bits}|${ctx.clinicalTerm?.phrase ?? ''}`;
}

const identifierCache = new Map<string, Classification>();

function classifyIdentifierCached(identifier: string, ctx: Context, key: string): Classification {
  const cacheKey = `${identifier}\0${key}`;
  const hit = identifierCache.get(cacheKey);
  if (hit) return hit;
  const result = classifyIdentifier(identifier, ctx);
  if (identifierCache.size >= 50_000) identifierCache.clear();
  identifierCache.set(cacheKey, result);
  return result;
}

interface Context extends TableFacts {
  readonly personLinked: boolean;
  readonly health: boolean;
  readonly sqlType: SqlKind;
}

type SqlKind = 'boolean' | 'number' | 'temporal' | 'blob' | 'text' | 'unknown';

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly term?: TermMatch;
}

interface Column {
  readonly tokens: string[];
  /** The identifier's last word was written as a plural (`tokens`, `notes`). */
  readonly pluralHead: boolean;
  readonly words: string[];
  readonly segments: Segment[];
  readonly ctx: Context;
  readonly lexicon: Lexicon;
}

type Rule = (column: Column) => Classification | undefined;

function classifyIdentifier(identifier: string, ctx: Context): Classification {
  const tokens = tokenize(identifier);
  const words = normalizeWords(tokens);
  const rawLast = splitIdentifier(identifier).at(-1) ?? '';
  const pluralHead = rawLast.endsWith('s') && rawLast !== tokens.at(-1);
  return classifyWords({ tokens, pluralHead, words, segments: matchSegments(words, LEXICON), ctx, lexicon: LEXICON });
}

function classifyWords(column: Column): Classification {
  if (column.words.length === 0) return none(column, 'none', 'no words in the name');
  for (const rule of RULES) {
    const result = rule(column);
    if (result) return result;
  }
  const blocker = column.segments.find((s) => s.term?.group.kind === 'blocker');
  if (blocker?.term) return none(column, 'none', `not-sensitive phrase '${blocker.term.phrase}'`);
  return none(column, 'none', 'no sensitive word');
}

const RULES: readonly Rule[] = [
  settingRule,
  valueTailRule,
  keyRule,
  credentialRule,
  specialRule,
  dateRule,
  clinicalStrongRule,
  nameRule,
  identifierRule,
  quasiRule,
  clinicalWeakRule,
  containerRule,
  opaqueBlobRule,
  clinicalShapeRule,
];

// ── rules ─────────────────────────────────────────────────────────────────────

/**
 * `mood_tracking_enabled`, `ehr_sync_enabled`, `allow_sms`, `hipaa_voice`: a toggle, permission
 * or consent about a feature, whatever the feature is.
 */
function settingRule(c: Column): Classification | undefined {
  const last = lastWord(c);
  const first = c.words[0] as string;
  if (c.words.length > 1 && c.lexicon.roles.permissionPrefixes.has(first)) {
    return none(c, 'app.setting', `permission prefix '${first}': a consent or permission flag, not the value`);
  }
  if (c.words.length > 1 && c.lexicon.roles.settingHeads.has(last) && !lastSegmentIsTerm(c)) {
    return none(c, 'app.setting', `setting head '${last}': a toggle or preference, not the value`);
  }
  return undefined;
}

/** OMOP CDM tails whose column holds the coded value itself, not a key to it. */
const VALUE_TAILS: readonly (readonly string[])[] = [
  ['source', 'concept', 'id'],
  ['concept', 'id'],
  ['source', 'value'],
];

/**
 * OMOP `gender_concept_id`, `race_source_value`: the column holds the coded value itself,
 * so it is classified by what precedes the tail. `person_source_value` is the source
 * system's identifier of the person (HIPAA R).
 */
function valueTailRule(c: Column): Classification | undefined {
  for (const tail of VALUE_TAILS) {
    if (!endsWith(c.words, tail) || c.words.length === tail.length) continue;
    const core = c.words.slice(0, c.words.length - tail.length);
    const tailText = tail.join('_');
    if (tail[tail.length - 1] === 'value' && core.every((w) => c.lexicon.roles.personWords.has(w))) {
      return result(c, 'pii', 'id.other', 'high', 'certain', `value-tail: '${core.join('_')}_${tailText}' is a source-system identifier of the person`);
    }
    const inner = classifyWords({ ...c, words: core, segments: matchSegments(core, c.lexicon) });
    if (inner.dataClass === 'none') return none(c, 'key.concept', `value-tail: '${tailText}' codes '${core.join('_')}', which is not sensitive`);
    return { ...inner, tokens: c.tokens, reason: `value-tail: '${tailText}' holds the coded value; ${inner.reason}` };
  }
  return undefined;
}

/**
 * `<entity>_id` is a surrogate or foreign key (45 CFR 164.514(c): assigned codes are not
 * identifiers). Exceptions: vendor accounts (`clerk_user_id`), external ids (`ehr_patient_id`),
 * and lookups of special or quasi attributes (`ethnicity_id` points at the ethnicity itself).
 */
function keyRule(c: Column): Classification | undefined {
  const last = lastWord(c);
  if (!c.lexicon.roles.keyHeads.has(last) || lastSegmentIsTerm(c)) return undefined;
  const before = c.words.slice(0, -1);
  if (before.length === 0) return none(c, 'key.surrogate', `key: '${last}' is a surrogate key`);
  const { identityVendors, serviceVendors, accountWords, personWords } = c.lexicon.roles;
  const isVendor = (w: string): boolean => identityVendors.has(w) || serviceVendors.has(w);
  const vendor = before.find(isVendor);
  const rest = before.filter((w) => !isVendor(w));
  // `clerk_id` and `stripe_customer_id` name a person's account; `stripe_price_id` and `twilio_sid` do not.
  const accountLike = (w: string): boolean => accountWords.has(w) || personWords.has(w);
  const bareIdentity = rest.length === 0 && vendor !== undefined && identityVendors.has(vendor);
  if (vendor && (bareIdentity || rest.some(accountLike))) {
    return result(c, 'pii', 'id.external_account', 'medium', 'likely', `key: '${vendor}' account identifier is an external identifier`);
  }
  const external = before.find((w) => c.lexicon.roles.externalQualifiers.has(w));
  if (external) {
    return result(c, 'pii', 'id.other', 'medium', 'likely', `key: '${external}' identifier comes from another system`);
  }
  const previous = c.segments[c.segments.length - 2];
  const group = previous?.term?.group;
  if (group && (group.kind === 'special' || group.kind === 'quasi') && satisfied(c, previous, group)) {
    return fromGroup(c, group, 'likely', `lookup key: '${phraseOf(c, previous)}_${last}' points at the ${group.category} value itself`);
  }
  return none(c, 'key.fk', `key: '${before.join('_')}_${last}' is a surrogate or foreign key`);
}

function credentialRule(c: Column): Classification | undefined {
  const { roles } = c.lexicon;
  const last = lastWord(c);
  const segment = lastSegmentWhere(c, (g) => g.kind === 'credential');
  if (segment?.term) {
    const group = segment.term.group;
    if (!satisfied(c, segment, group)) return undefined;
    const tailWord = firstForeignTail(c, segment, CREDENTIAL_TAILS);
    if (tailWord === STEP_ASIDE) return undefined;
    if (tailWord) return none(c, 'meta.credential', `credential metadata: '${tailWord}' describes the secret, not the secret`);
    if (c.ctx.sqlType === 'boolean') return none(c, 'app.flag', 'boolean flag about a credential');
    return fromGroup(c, group, 'certain', `credential: '${segment.term.phrase}'`);
  }
  if (lastSegmentIsTerm(c)) return undefined;
  // A token head may be followed by tails such as `_new` (`email_change_token_new`).
  let head = c.words.length - 1;
  while (head > 0 && CREDENTIAL_TAILS.has(c.words[head] as string) && c.words[head] !== 'token') head--;
  if (c.words[head] === 'token') {
    const before = c.words.slice(0, head);
    if (before.some((w) => roles.nonSecretTokenQualifiers.has(w))) return none(c, 'app.metric', 'token count or cursor, not a secret');
    if (before.some((w) => roles.deviceTokenQualifiers.has(w))) {
      return result(c, 'pii', 'id.device', 'medium', 'likely', 'device token: push/device tokens identify a device (HIPAA M)');
    }
    if (c.ctx.sqlType === 'boolean' || c.ctx.sqlType === 'number') return undefined;
    // A bare `tokens` column counts LLM tokens; a bare `token` is a secret only where secrets live.
    if (before.length === 0 && (c.pluralHead || !(c.ctx.authTable || c.ctx.personTable))) {
      return none(c, 'app.metric', "bare 'token' outside an auth or person table");
    }
    return result(c, 'credential', 'credential.token', 'high', 'likely', `credential: '${c.words.slice(0, head + 1).join('_')}' is a bearer secret`);
  }
  const before = c.words.slice(0, -1);
  if (last === 'key' && before.length === 0 && c.ctx.keyTable && c.ctx.sqlType !== 'boolean') {
    return result(c, 'credential', 'credential.key', 'high', 'likely', "credential: a bare 'key' in a key or auth table is the secret");
  }
  if (last === 'key' && before.some((w) => roles.secretKeyQualifiers.has(w))) {
    return result(c, 'credential', 'credential.key', 'high', 'likely', `credential: '${before.join('_')}_key' is a secret key`);
  }
  return undefined;
}

function specialRule(c: Column): Classification | undefined {
  const segment = lastSegmentWhere(c, (g) => g.kind === 'special');
  if (!segment?.term) return undefined;
  const { roles } = c.lexicon;
  if (segment.term.phrase === 'fingerprint') {
    const others = otherWords(c, segment);
    if (others.some((w) => roles.technicalFingerprintQualifiers.has(w))) {
      return none(c, 'meta.hash', 'technical fingerprint: a hash of a key or file, not a biometric');
    }
    if (others.some((w) => roles.deviceFingerprintQualifiers.has(w))) {
      return result(c, 'pii', 'id.device', 'medium', 'likely', 'device fingerprint: identifies a browser or device (HIPAA M)');
    }
  }
  const group = segment.term.group;
  if (!satisfied(c, segment, group)) return undefined;
  return fromGroup(c, group, group.requires === 'always' ? 'certain' : 'likely', `special category: '${segment.term.phrase}' (GDPR Art. 9)`);
}

/**
 * Head-noun rule for dates: birth, death, admission, discharge and visit dates are HIPAA (C)
 * identifiers; other timestamps (`created_at`) are not, and a clinical date (`diagnosis_date`)
 * is left to the clinical rules.
 */
function dateRule(c: Column): Classification | undefined {
  const { roles } = c.lexicon;
  const last = lastWord(c);
  if (c.words.length < 2 || !roles.dateHeads.has(last)) return undefined;
  for (let i = c.words.length - 2; i >= 0; i--) {
    const word = c.words[i] as string;
    if (roles.dateBirth.has(word)) {
      if (last === 'year') return result(c, 'pii', 'quasi.birth_year', 'low', 'certain', 'date: year of birth alone is allowed by Safe Harbor, still a quasi-identifier');
      return result(c, 'pii', 'id.date.birth', 'high', 'certain', `date: '${word}' date (HIPAA C)`);
    }
    if (roles.dateDeath.has(word)) return result(c, 'pii', 'id.date.death', 'high', 'certain', `date: '${word}' date (HIPAA C)`);
    if (roles.dateAdmission.has(word)) return result(c, 'pii', 'id.date.admission', 'high', 'certain', `date: '${word}' date (HIPAA C)`);
    if (roles.dateDischarge.has(word)) return result(c, 'pii', 'id.date.discharge', 'high', 'certain', `date: '${word}' date (HIPAA C)`);
    if (roles.dateService.has(word)) {
      const confidence: Confidence = word === 'visit' || word === 'encounter' || word === 'service' ? 'likely' : 'possible';
      return result(c, 'pii', 'id.date.service', 'medium', confidence, `date: '${word}' is a date of service (HIPAA C)`);
    }
    if (roles.metaHeads.has(word) && !roles.dateHeads.has(word)) break;
  }
  return undefined;
}

/** Clinical-strong words are PHI wherever they appear ("sticky"). */
function clinicalStrongRule(c: Column): Classification | undefined {
  const strong = c.segments.filter((s) => s.term?.group.kind === 'clinical' && s.term.group.requires === 'always');
  if (strong.length === 0) return undefined;
  const last = lastWord(c);
  if (c.ctx.dictionaryTable) return none(c, 'ref.dictionary', 'reference vocabulary table: codes describe a concept, not a person');
  if (c.lexicon.roles.codeSystemHeads.has(last) && !lastSegmentIsTerm(c)) {
    return none(c, 'meta.codesystem', `code-system head '${last}': metadata about the coding, not the code`);
  }
  // An identifier as the head noun wins: `insurance_member_id`, `doctor_phone`.
  const lastStrong = strong[strong.length - 1] as Segment;
  const identifier = lastSegmentWhere(c, (g) => g.kind === 'identifier');
  if (identifier?.term && identifier.start >= lastStrong.end && satisfied(c, identifier, identifier.term.group)) return undefined;
  return clinical(c, strongest(strong), 'certain', 'clinical-strong');
}

/** Head-noun rule for `name`: a person's name, a clinician's, or the name of a thing. */
function nameRule(c: Column): Classification | undefined {
  const { roles } = c.lexicon;
  const last = lastWord(c);
  if (lastSegmentIsTerm(c)) return undefined;
  if (c.words.length === 1 && BARE_NAME_PARTS.has(last) && c.ctx.personTable) {
    return result(c, 'pii', 'id.name', 'high', 'possible', `name: bare '${last}' in a person table is a name part`);
  }
  if (!roles.nameHeads.has(last)) return undefined;
  const before = c.words.slice(0, -1);
  if (before.length === 0) {
    if (c.ctx.personTable && !c.ctx.organisationTable) return result(c, 'pii', 'id.name', 'high', 'likely', "name: bare 'name' in a person table");
    return none(c, 'meta.name', "name: bare 'name' outside a person table names a thing");
  }
  // The word right before `name` says whose name it is: `patient_condition_name` names a condition.
  const modifier = before[before.length - 1] as string;
  const modifierSegment = c.segments.find((s) => s.start <= before.length - 1 && before.length - 1 < s.end);
  if (roles.personNameQualifiers.has(modifier)) {
    return result(c, 'pii', 'id.name', 'high', 'certain', `name: '${modifier}' qualifies a person's name`);
  }
  if (roles.workforceNameQualifiers.has(modifier)) {
    return result(c, 'pii', 'id.name.workforce', 'low', 'likely', `name: '${modifier}' name is a workforce member's name`);
  }
  if (modifierSegment?.term?.group.kind === 'clinical') return undefined;
  if (c.ctx.organisationTable) return none(c, 'org.name', 'name: an organisation table names the organisation');
  if (roles.displayNameQualifiers.has(modifier)) {
    if (c.ctx.personTable) return result(c, 'pii', 'id.name', 'medium', 'possible', `name: '${modifier}' name in a person table`);
    return none(c, 'meta.name', `name: '${modifier}' name outside a person table`);
  }
  return none(c, 'meta.name', `name: '${modifier}_name' names a thing, not a person`);
}

/** Direct identifiers (Safe Harbor A–R), cancelled by a metadata head (`email_verified`). */
function identifierRule(c: Column): Classification | undefined {
  const segment = lastSegmentWhere(c, (g, s) => g.kind === 'identifier' && satisfied(c, s, g));
  if (!segment?.term) return undefined;
  const group = segment.term.group;
  const { roles } = c.lexicon;
  if (group.contact && (c.ctx.organisationTable || (c.ctx.configurationTable && !c.ctx.personTable))) {
    return none(c, 'org.contact', `contact of an organisation or system: '${segment.term.phrase}' in a non-person table`);
  }
  if (roles.addressHeads.has(lastWord(c)) || segment.term.phrase === 'address') {
    const qualifier = c.words.slice(0, segment.start).find((w) => roles.nonGeoAddressQualifiers.has(w));
    if (qualifier) return none(c, 'infra.address', `address: '${qualifier}' address is not where a person lives`);
  }
  // A date identifier may end in another date word (`birthdate_time`).
  const allowed = group.category.startsWith('id.date') ? DATE_IDENTIFIER_TAILS : roles.identifierTails;
  const tailWord = firstForeignTail(c, segment, allowed);
  if (tailWord === STEP_ASIDE) return undefined;
  if (tailWord) return none(c, 'meta.identifier', `identifier metadata: '${tailWord}' describes the ${segment.term.phrase}, not its value`);
  if (c.ctx.sqlType === 'boolean') return none(c, 'app.flag', `boolean flag about '${segment.term.phrase}'`);
  const confidence: Confidence = group.requires === 'always' ? 'certain' : 'likely';
  return fromGroup(c, group, confidence, `identifier: '${segment.term.phrase}' (${group.category})`);
}

/** Quasi-identifiers describe people, so they count only in person or health tables. */
function quasiRule(c: Column): Classification | undefined {
  const segment = lastSegmentWhere(c, (g) => g.kind === 'quasi');
  if (!segment?.term) return undefined;
  const group = segment.term.group;
  const { ctx, lexicon } = c;
  if (!(ctx.personTable || ctx.health) || ctx.organisationTable) return undefined;
  if (group.category === 'quasi.geo_state' && !(ctx.patientTable || ctx.addressTable)) return undefined;
  const config = otherWords(c, segment).find((w) => lexicon.roles.configQualifiers.has(w));
  if (config) return none(c, 'app.setting', `quasi-identifier setting: '${config}' makes it configuration`);
  const tailWord = firstForeignTail(c, segment, lexicon.roles.identifierTails);
  if (tailWord === STEP_ASIDE) return undefined;
  if (tailWord) return none(c, 'meta.quasi', `quasi-identifier metadata: '${tailWord}' describes the ${segment.term.phrase}`);
  const confidence: Confidence = group.category === 'quasi.geo_state' ? 'possible' : 'likely';
  return fromGroup(c, group, confidence, `quasi-identifier: '${segment.term.phrase}' in a person table`);
}

/** Clinical-weak words need a clinical modifier or a person/health table, and never fire in a negative context. */
function clinicalWeakRule(c: Column): Classification | undefined {
  const weak = c.segments.filter((s) => s.term?.group.kind === 'clinical' && satisfied(c, s, s.term.group));
  if (weak.length === 0) return undefined;
  const { roles } = c.lexicon;
  const last = lastWord(c);
  const lastWeak = weak[weak.length - 1] as Segment;
  if (roles.weakCancelHeads.has(last) && lastWeak.end < c.words.length) {
    return none(c, 'app.preference', `clinical-weak word followed by '${last}': a goal, unit or setting`);
  }
  const negative = c.words.find((w, i) => !weak.some((s) => i >= s.start && i < s.end) && roles.negativeContext.has(w));
  if (negative) return none(c, 'none', `negative context '${negative}': not about a person's health`);
  if (c.ctx.technicalTable && !c.ctx.health) return none(c, 'none', 'technical table: not about a person\'s health');
  return clinical(c, strongest(weak), 'likely', 'clinical-weak');
}

/**
 * Free text, media and embeddings are PHI only in a table about a person's health or
 * conversations (person-linked and health or communication). Media are also biometric (HIPAA P).
 */
function containerRule(c: Column): Classification | undefined {
  const segment = lastSegmentWhere(c, (g) => g.kind === 'container');
  if (!segment?.term) return undefined;
  const group = segment.term.group;
  const media = group.media ?? 'text';
  const { ctx, lexicon } = c;
  const { roles } = lexicon;
  const allowed = media === 'text' || media === 'value' ? roles.containerTails : MEDIA_TAILS;
  const tailWord = firstForeignTail(c, segment, allowed);
  if (tailWord === STEP_ASIDE) return undefined;
  if (tailWord) return none(c, 'meta.content', `content metadata: '${tailWord}' describes the ${segment.term.phrase}`);
  const before = c.words.slice(0, segment.start);
  const negative = before.find((w) => roles.negativeContext.has(w));
  if (negative) return none(c, 'none', `negative context '${negative}' before '${segment.term.phrase}'`);
  if (media === 'opaque' && c.segments.some((s) => s !== segment && s.term?.group.kind === 'container')) {
    return none(c, 'meta.content', `'${segment.term.phrase}' about another container`);
  }
  if (ctx.sqlType === 'boolean') return none(c, 'app.flag', `boolean flag about '${segment.term.phrase}'`);
  if ((media === 'text' || media === 'image' || media === 'audio') && ctx.sqlType === 'number') {
    return none(c, 'app.metric', `numeric column about '${segment.term.phrase}'`);
  }

  const ai = c.words.some((w) => roles.aiModifiers.has(w));
  const conversation = ctx.personLinked && (ctx.health || ctx.communicationTable);
  const phrase = segment.term.phrase;
  switch (media) {
    case 'image':
      if (ctx.personTable) return result(c, 'pii', 'id.photo', 'high', 'likely', `container: '${phrase}' in a person table is a photo of the person (HIPAA Q)`);
      if (conversation) return result(c, 'phi', 'phi.photo', 'high', 'likely', `container: '${phrase}' in a health or conversation table`);
      return undefined;
    case 'audio':
      if (conversation || ctx.personTable) return result(c, 'phi', 'phi.audio', 'critical', 'likely', `container: '${phrase}' recording of a person (voice is biometric, HIPAA P)`);
      return undefined;
    case 'embedding':
      if (conversation) return result(c, 'phi', 'phi.ai_derived', 'high', 'likely', `container: '${phrase}' of text in a health or conversation table`);
      return undefined;
    case 'opaque':
      // Without the SQL type there is no evidence that the column is a blob at all.
      if (ctx.personLinked && ctx.health && ctx.sqlType === 'blob') {
        return result(c, 'phi', 'phi.opaque_blob', 'high', 'possible', `container: opaque '${phrase}' in a health table; declare what it holds`);
      }
      return undefined;
    case 'value':
      if (ctx.personLinked && ctx.health && !ctx.technicalTable) {
        const term = ctx.clinicalTerm;
        const category = term ? term.group.category : 'phi.value';
        return result(c, 'phi', category, term ? term.group.severity : 'high', 'likely', `container: '${phrase}' of a health table${term ? ` ('${term.phrase}')` : ''}`);
      }
      return undefined;
    case 'text': {
      if (!conversation) return undefined;
      if (ctx.therapyTable) return result(c, 'phi', 'phi.psychotherapy', 'critical', 'likely', `container: '${phrase}' of a therapy session (45 CFR 164.501)`);
      if (ai) return result(c, 'phi', 'phi.ai_derived', 'high', 'likely', `container: AI-derived '${phrase}' in a health or conversation table`);
      const critical = ctx.communicationTable && CRITICAL_TEXT.has(phrase);
      const category = ctx.clinicalTerm && !ctx.communicationTable ? ctx.clinicalTerm.group.category : 'phi.free_text';
      return result(c, 'phi', category, critical ? 'critical' : 'high', 'likely', `container: free text '${phrase}' in a health or conversation table`);
    }
  }
}

/** A JSON or binary blob in a person-linked health table cannot be inferred safely (phi.md §4(a) rule 8). */
function opaqueBlobRule(c: Column): Classification | undefined {
  const { ctx, lexicon } = c;
  if (ctx.sqlType !== 'blob' || !ctx.personLinked || !ctx.health) return undefined;
  if (c.words.some((w) => lexicon.roles.metaHeads.has(w) || BLOB_SETTINGS.has(w))) return undefined;
  return result(c, 'phi', 'phi.opaque_blob', 'high', 'possible', `opaque ${c.words.join('_')} blob in a health table; declare what it holds`);
}

/** Unknown words shaped like clinical terms (`dermatitis`, `neuropathy`) in a person or health table. */
function clinicalShapeRule(c: Column): Classification | undefined {
  const { ctx, lexicon } = c;
  if (!(ctx.personTable || ctx.health)) return undefined;
  for (const word of c.words) {
    if (word.length < 7 || lexicon.known.has(word)) continue;
    for (const { suffix, except } of lexicon.suffixes) {
      if (word.endsWith(suffix) && !except.has(word)) {
        return result(c, 'phi', 'phi.condition', 'high', 'possible', `clinical word shape: '${word}' ends in '-${suffix}'`);
      }
    }
  }
  return undefined;
}

// ── helpers ───────────────────────────────────────────────────────────────────

const BARE_NAME_PARTS: ReadonlySet<string> = new Set(['first', 'last', 'middle', 'suffix', 'prefix', 'given', 'surname']);
const CRITICAL_TEXT: ReadonlySet<string> = new Set(['transcript', 'transcription', 'message', 'conversation', 'chat']);
const CREDENTIAL_TAILS: ReadonlySet<string> = new Set([
  'hash', 'hashed', 'digest', 'salt', 'encrypted', 'enc', 'ciphertext', 'cipher', 'bcrypt', 'argon', 'scrypt',
  'sha', 'sha256', 'md5', 'token', 'key', 'secret', 'code', 'value', 'plain', 'plaintext', 'temp', 'temporary',
  'raw', 'base64', 'json', 'data', 'blob', 'pem', 'jwk', 'new', 'old', 'current', 'previous', 'backup', 'one',
]);
const MEDIA_TAILS: ReadonlySet<string> = new Set([
  ...LEXICON.roles.mediaLocatorTails,
  ...LEXICON.roles.containerTails,
]);
const DATE_IDENTIFIER_TAILS: ReadonlySet<string> = new Set([
  ...LEXICON.roles.identifierTails,
  ...[...LEXICON.roles.dateHeads].filter((w) => !LEXICON.roles.metaHeads.has(w)),
]);
const BLOB_SETTINGS: ReadonlySet<string> = new Set([
  'setting', 'config', 'configuration', 'option', 'preference', 'flag', 'feature', 'permission', 'role', 'tag',
  'label', 'ui', 'layout', 'filter', 'state', 'cache', 'schema', 'translation', 'i18n',
]);
const SEVERITY_ORDER: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const CONFIDENCE_ORDER: readonly Confidence[] = ['possible', 'likely', 'certain'];

/** Greedy longest match of vocabulary phrases; unmatched words become one-word segments without a term. */
function matchSegments(words: readonly string[], lexicon: Lexicon): Segment[] {
  const segments: Segment[] = [];
  for (let i = 0; i < words.length; ) {
    let matched: Segment | undefined;
    for (let width = Math.min(lexicon.maxPhraseWords, words.length - i); width >= 1; width--) {
      const term = lexicon.terms.get(words.slice(i, i + width).join(' '));
      if (term) {
        matched = { start: i, end: i + width, term };
        break;
      }
    }
    const segment = matched ?? { start: i, end: i + 1 };
    segments.push(segment);
    i = segment.end;
  }
  return segments;
}

function satisfied(c: Column, segment: Segment, group: TermGroup): boolean {
  const { ctx } = c;
  switch (group.requires) {
    case 'always':
      return true;
    case 'linked':
      return ctx.personLinked || ctx.personTable || ctx.health;
    case 'person':
      return ctx.personTable || ctx.health || (group.kind === 'clinical' && hasClinicalModifier(c, segment));
    case 'health':
      return ctx.health || (group.kind === 'clinical' && hasClinicalModifier(c, segment));
  }
}

function hasClinicalModifier(c: Column, segment: Segment): boolean {
  return c.segments.some(
    (s) =>
      s !== segment &&
      ((s.term === undefined && c.lexicon.roles.clinicalModifiers.has(c.words[s.start] as string)) ||
        (s.term?.group.kind === 'clinical' && s.term.group.requires === 'always')),
  );
}

/** Returned by `firstForeignTail` when a later word is itself sensitive: another rule decides. */
const STEP_ASIDE = '\u0000step-aside';

/**
 * The first word after `segment` that makes the column metadata about it: a metadata head, or
 * a known word that is not an allowed tail. Unknown words (`email_md`) are treated as noise.
 * A later sensitive word (`guardian_sex`) is not metadata: the caller steps aside.
 */
function firstForeignTail(c: Column, segment: Segment, allowed: ReadonlySet<string>): string | undefined {
  const { roles, known } = c.lexicon;
  for (const later of c.segments) {
    if (later.start < segment.end) continue;
    const word = c.words[later.start] as string;
    const kind = later.term?.group.kind;
    if (kind !== undefined && kind !== 'blocker' && !allowed.has(word)) {
      if (kind === 'container' && roles.metaHeads.has(word)) return word;
      return STEP_ASIDE;
    }
    for (let i = later.start; i < later.end; i++) {
      const w = c.words[i] as string;
      if (allowed.has(w)) continue;
      if (roles.metaHeads.has(w) || known.has(w)) return w;
    }
  }
  return undefined;
}

function lastSegmentWhere(c: Column, predicate: (group: TermGroup, segment: Segment) => boolean): Segment | undefined {
  for (let i = c.segments.length - 1; i >= 0; i--) {
    const segment = c.segments[i] as Segment;
    if (segment.term && predicate(segment.term.group, segment)) return segment;
  }
  return undefined;
}

function lastSegmentIsTerm(c: Column): boolean {
  const last = c.segments[c.segments.length - 1];
  return last?.term !== undefined && last.term.group.kind !== 'blocker';
}

function lastWord(c: Column): string {
  return c.words[c.words.length - 1] ?? '';
}

function otherWords(c: Column, segment: Segment): string[] {
  return c.words.filter((_, i) => i < segment.start || i >= segment.end);
}

function phraseOf(c: Column, segment: Segment): string {
  return c.words.slice(segment.start, segment.end).join('_');
}

function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (words.length < tail.length) return false;
  return tail.every((w, i) => words[words.length - tail.length + i] === w);
}

function strongest(segments: readonly Segment[]): Segment {
  let best = segments[0] as Segment;
  for (const s of segments) {
    if (SEVERITY_ORDER.indexOf(s.term?.group.severity ?? 'low') > SEVERITY_ORDER.indexOf(best.term?.group.severity ?? 'low')) best = s;
  }
  return best;
}

function clinical(c: Column, segment: Segment, confidence: Confidence, rule: string): Classification {
  const group = segment.term?.group as TermGroup;
  const phrase = segment.term?.phrase ?? '';
  const ai = c.words.some((w) => c.lexicon.roles.aiModifiers.has(w));
  if (ai) return result(c, 'phi', 'phi.ai_derived', group.severity === 'critical' ? 'critical' : 'high', confidence, `${rule}: AI-derived '${phrase}' (${group.category})`);
  const detail = confidence === 'certain' ? 'is health content' : 'in a health context';
  return fromGroup(c, group, confidence, `${rule}: '${phrase}' ${detail} (${group.category})`);
}

function fromGroup(c: Column, group: TermGroup, confidence: Confidence, reason: string): Classification {
  return result(c, group.dataClass, group.category, group.severity, confidence, reason);
}

function result(
  c: Column,
  dataClass: DataClass,
  category: string,
  severity: Severity,
  confidence: Confidence,
  reason: string,
): Classification {
  return { dataClass, category, severity, confidence, tokens: c.tokens, reason };
}

function none(c: Column, category: string, reason: string): Classification {
  return result(c, 'none', category, 'low', 'certain', reason);
}

function rank(c: Classification): number {
  return (c.dataClass === 'none' ? 0 : 100) + CONFIDENCE_ORDER.indexOf(c.confidence) * 10 + SEVERITY_ORDER.indexOf(c.severity);
}

function sqlTypeKind(sqlType: string | undefined): SqlKind {
  if (!sqlType) return 'unknown';
  const t = sqlType.toLowerCase().replace(/\(.*$/, '').trim();
  if (t === 'boolean' || t === 'bool' || t === 'bit') return 'boolean';
  if (/^(json|jsonb|bytea|blob|longblob|mediumblob|binary|varbinary|largebinary|hstore)$/.test(t)) return 'blob';
  if (/^(smallint|integer|int|int2|int4|int8|bigint|serial|bigserial|smallserial|numeric|decimal|real|float|float4|float8|double|double precision|tinyint|mediumint)$/.test(t)) return 'number';
  if (/^(date|time|timestamp|timestamptz|datetime|interval)/.test(t)) return 'temporal';
  if (/^(text|varchar|char|character|character varying|string|citext|uuid|enum)/.test(t)) return 'text';
  return 'unknown';
}
