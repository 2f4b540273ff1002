import { describe, expect, it } from 'vitest';
import { canonicalType, defaultShape, literalSql, parseTypeReference, sameDefault } from '../../src/db-check/normalise.js';

describe('canonicalType', () => {
  it.each([
    ['varchar(255)', 'character varying(255)'],
    ['VARCHAR', 'character varying'],
    ['int4', 'integer'],
    ['serial', 'integer'],
    ['bigserial', 'bigint'],
    ['int8[][]', 'bigint[]'],
    ['text ARRAY', 'text[]'],
    ['timestamptz', 'timestamp with time zone'],
    ['timestamptz(3)', 'timestamp(3) with time zone'],
    ['timestamp (3) with time zone', 'timestamp(3) with time zone'],
    ['timestamp(6) without time zone', 'timestamp without time zone'],
    ['timestamp', 'timestamp without time zone'],
    ['time(6) with time zone', 'time with time zone'],
    ['numeric(10, 2)', 'numeric(10,2)'],
    ['decimal(10)', 'numeric(10,0)'],
    ['char', 'character(1)'],
    ['bpchar(3)', 'character(3)'],
    ['float8', 'double precision'],
    ['float(24)', 'real'],
    ['extensions.citext', 'citext'],
    ['"Status"', '"Status"'],
    ['billing."Status"[]', '"Status"[]'],
  ])('%s → %s', (written, expected) => {
    expect(canonicalType(written)).toBe(expected);
  });

  it('keeps differences that matter', () => {
    expect(canonicalType('varchar(128)')).not.toBe(canonicalType('character varying(255)'));
    expect(canonicalType('varchar')).not.toBe(canonicalType('varchar(255)'));
    expect(canonicalType('timestamp')).not.toBe(canonicalType('timestamptz'));
    expect(canonicalType('timestamp(3)')).not.toBe(canonicalType('timestamp'));
    expect(canonicalType('integer[]')).not.toBe(canonicalType('integer'));
  });
});

describe('parseTypeReference', () => {
  it('reads schema-qualified and quoted enum names', () => {
    expect(parseTypeReference('billing.invoice_state')).toEqual({ schema: 'billing', name: 'invoice_state' });
    expect(parseTypeReference('"Billing"."Invoice State"[]')).toEqual({ schema: 'Billing', name: 'Invoice State' });
    expect(parseTypeReference('visit_status')).toEqual({ schema: 'public', name: 'visit_status' });
  });
});

describe('default comparison', () => {
  const same = (database: string, code: string, type = 'text') => sameDefault(defaultShape(database), defaultShape(code), type);

  it.each([
    ["'nurse'::character varying", "'nurse'", 'character varying(40)'],
    ["'scheduled'::visit_status", "'scheduled'", 'visit_status'],
    ["'draft'::billing.invoice_state", "'draft'", 'invoice_state'],
    ['CURRENT_TIMESTAMP', 'now()', 'timestamp with time zone'],
    ['now()', 'transaction_timestamp()', 'timestamp with time zone'],
    ["'-1'::integer", '-1', 'integer'],
    ['0.00', "'0.00'", 'numeric(10,2)'],
    ['0', '0.0', 'numeric'],
    ["'{}'::jsonb", "'{}'", 'jsonb'],
    [`'{"a": 1, "b": [1, 2]}'::jsonb`, `'{"b":[1,2],"a":1}'`, 'jsonb'],
    ["'{}'::text[]", "'{}'::text[]", 'text[]'],
    ["nextval('users_id_seq'::regclass)", "nextval('public.users_id_seq')", 'integer'],
    ["(now() + '1 day'::interval)", "now() + interval '1 day'", 'timestamp with time zone'],
    ['extensions.uuid_generate_v4()', 'uuid_generate_v4()', 'uuid'],
    ["'2020-01-01 00:00:00'::timestamp without time zone", "'2020-01-01'", 'timestamp without time zone'],
  ])('%s = %s', (database, code, type) => {
    expect(same(database, code, type)).toBe(true);
  });

  it.each([
    ['true', 'false', 'boolean'],
    ["'nurse'::character varying", "'doctor'", 'character varying(40)'],
    ['1', '2', 'integer'],
    [`'{"a": 1}'::jsonb`, `'{"a":2}'`, 'jsonb'],
    ['gen_random_uuid()', 'uuid_generate_v4()', 'uuid'],
    ["lower('X'::text)", "upper('X')", 'text'],
  ])('%s ≠ %s', (database, code, type) => {
    expect(same(database, code, type)).toBe(false);
  });

  it('tells presence apart from absence, and sequences from identities', () => {
    expect(sameDefault({ kind: 'none' }, defaultShape("'x'"), 'text')).toBe(false);
    expect(sameDefault(defaultShape("nextval('s'::regclass)"), { kind: 'identity', mode: 'always' }, 'integer')).toBe(false);
    expect(sameDefault({ kind: 'identity', mode: 'always' }, { kind: 'identity', mode: 'by default' }, 'integer')).toBe(false);
    expect(sameDefault({ kind: 'generated' }, { kind: 'generated' }, 'integer')).toBe(true);
  });

  it('writes code literals as SQL, and leaves non-JSON object literals uncompared', () => {
    expect(literalSql("it's", '"it\'s"')).toBe("'it''s'");
    expect(literalSql(0, '0')).toBe('0');
    expect(literalSql(false, 'false')).toBe('false');
    expect(literalSql(null, 'null')).toBe('null');
    expect(literalSql(null, '{"a": [1]}')).toBe(`'{"a":[1]}'`);
    expect(literalSql(null, '{ a: 1 }')).toBeUndefined();
  });
});
