import { describe, expect, it } from 'vitest';
import type { SourceType, Table, TableSpec } from '../../../src/model/index.js';
import { parseCreateSql, renderCreate } from '../../../src/sql/index.js';

/**
 * CREATE TABLE ... FROM SOURCE, both ways: the statements mzform writes, and
 * every form Materialize gives back (stored create_sql and the SHOW CREATE
 * layouts before and after 26.7, as its tests print them) read into the same
 * model. `<DETAILS>` in Materialize's fixtures stands for its DETAILS option.
 */
const opts = (type?: SourceType) => ({ defaultDatabase: 'materialize', defaultSchema: 'public', ...(type ? { sourceTypeOf: () => type } : {}) });
const name = (n: string) => ({ database: 'materialize', schema: 'public', name: n });
const table = (n: string, source: string, spec: TableSpec): Table => ({ kind: 'table', name: name(n), source: name(source), spec });

describe('Materialize forms of a table from a source → the model', () => {
  it.each<[string, string, Table, SourceType?]>([
    [
      'test/mysql-cdc/30-text-columns.td:95 (SHOW CREATE before 26.7)',
      "CREATE TABLE materialize.public.t1 (f1 pg_catalog.text, f2 pg_catalog.text, f3 pg_catalog.text) FROM SOURCE materialize.public.da (REFERENCE = public.t1) WITH (TEXT COLUMNS = (f1, f2, f3), DETAILS = 'abcd');",
      table('t1', 'da', { type: 'mysql', reference: ['public', 't1'], textColumns: ['f1', 'f2', 'f3'] }),
    ],
    [
      'test/mysql-cdc/30-text-columns.td:98 (SHOW CREATE from 26.7)',
      "CREATE TABLE\n    materialize.public.t1\n        (\n            f1 pg_catalog.text,\n            f2 pg_catalog.text\n        )\nFROM SOURCE materialize.public.da (REFERENCE = public.t1)\nWITH (\n    TEXT COLUMNS = (f1, f2),\n    DETAILS = 'abcd'\n);",
      table('t1', 'da', { type: 'mysql', reference: ['public', 't1'], textColumns: ['f1', 'f2'] }),
    ],
    [
      'test/mysql-cdc/35-exclude-columns.td:59',
      "CREATE TABLE materialize.public.t1 (f1 pg_catalog.int4, f4 pg_catalog.varchar(64)) FROM SOURCE materialize.public.da (REFERENCE = public.t1) WITH (EXCLUDE COLUMNS = (f2, f3), DETAILS = 'abcd');",
      table('t1', 'da', { type: 'mysql', reference: ['public', 't1'], excludeColumns: ['f2', 'f3'] }),
    ],
    [
      'test/mysql-cdc/alter-source.td:124 (a constraint after the columns)',
      'CREATE TABLE materialize.public.table_a (pk pg_catalog.int4 NOT NULL, f2 pg_catalog.text, CONSTRAINT "PRIMARY" PRIMARY KEY (pk)) FROM SOURCE materialize.public.mz_source (REFERENCE = public.table_a) WITH (DETAILS = \'abcd\');',
      table('table_a', 'mz_source', { type: 'mysql', reference: ['public', 'table_a'] }),
    ],
    [
      'test/pg-cdc/alter-source.td:154 (Postgres: database.schema.table)',
      "CREATE TABLE materialize.public.table_a (pk pg_catalog.int4 NOT NULL, f2 pg_catalog.text, CONSTRAINT table_a_pkey PRIMARY KEY (pk)) FROM SOURCE materialize.public.mz_source (REFERENCE = postgres.public.table_a) WITH (DETAILS = 'abcd');",
      table('table_a', 'mz_source', { type: 'postgres', reference: ['public', 'table_a'] }),
    ],
    [
      'test/pg-cdc/pg-cdc.td:733 (SHOW CREATE from 26.7)',
      "CREATE TABLE materialize.public.enum_table (a pg_catalog.text)\nFROM SOURCE materialize.public.enum_source (REFERENCE = postgres.public.enum_table)\nWITH (\n    TEXT COLUMNS = (a),\n    DETAILS = 'abcd'\n);",
      table('enum_table', 'enum_source', { type: 'postgres', reference: ['public', 'enum_table'], textColumns: ['a'] }),
    ],
    [
      'test/testdrive/load-generator.td:101 (UNIQUE, the generator output)',
      "CREATE TABLE\n    materialize.public.accounts\n        (\n            id pg_catalog.int8 NOT NULL,\n            org_id pg_catalog.int8 NOT NULL,\n            balance pg_catalog.int8 NOT NULL,\n            UNIQUE (id)\n        )\nFROM SOURCE materialize.public.auction_house (REFERENCE = mz_load_generators.auction.accounts)\nWITH (DETAILS = '1a040a021002');",
      table('accounts', 'auction_house', { type: 'load-generator', reference: 'accounts' }),
    ],
    [
      'stored create_sql of a Kafka table (quoted, ids; test/testdrive/avro-registry.td:165 as purified)',
      'CREATE TABLE "materialize"."public"."t" FROM SOURCE [u3 AS "materialize"."public"."s"] (REFERENCE = "orders") FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION [u2 AS "materialize"."public"."csr"] SEED VALUE SCHEMA \'{"type":"string"}\' INCLUDE OFFSET AS "o" ENVELOPE DEBEZIUM WITH (DETAILS = \'\')',
      table('t', 's', {
        type: 'kafka',
        reference: 'orders',
        format: { kind: 'bare', format: { kind: 'avro', schemaRegistry: name('csr') } },
        include: [{ item: 'offset', alias: 'o' }],
        envelope: 'debezium',
      }),
    ],
    [
      'a topic with dots in its name, KEY / VALUE FORMAT, ENVELOPE NONE',
      'CREATE TABLE "materialize"."public"."t" FROM SOURCE [u3 AS "materialize"."public"."s"] (REFERENCE = "a.b.c") KEY FORMAT TEXT VALUE FORMAT JSON ENVELOPE NONE',
      table('t', 's', { type: 'kafka', reference: 'a.b.c', format: { kind: 'key-value', key: { kind: 'text' }, value: { kind: 'json' } }, envelope: 'none' }),
      'kafka',
    ],
  ])('%s', (_from, sql, expected, type) => {
    expect(parseCreateSql(sql, opts(type)).object).toEqual(expected);
  });

  it('a Kafka table refuses TEXT COLUMNS; a Postgres one refuses FORMAT', () => {
    expect(() => parseCreateSql('CREATE TABLE t FROM SOURCE s (REFERENCE = "topic") WITH (TEXT COLUMNS = (a))', opts('kafka'))).toThrow(/not valid on a table from a Kafka source/);
    expect(() => parseCreateSql('CREATE TABLE t FROM SOURCE s (REFERENCE = public.t) FORMAT JSON', opts('postgres'))).toThrow(/only valid on a table from a Kafka source/);
  });
});

describe('the CREATE TABLE mzform writes', () => {
  it.each<[string, Table, string]>([
    [
      'Kafka',
      table('orders', 'orders_topic', { type: 'kafka', reference: 'orders', format: { kind: 'bare', format: { kind: 'json' } }, include: [{ item: 'partition' }, { item: 'offset', alias: 'off' }], envelope: 'none' }),
      'CREATE TABLE "materialize"."public"."orders" FROM SOURCE "materialize"."public"."orders_topic" (REFERENCE = "orders") FORMAT JSON INCLUDE PARTITION, OFFSET AS "off" ENVELOPE NONE',
    ],
    [
      'Postgres',
      table('orders', 'pg', { type: 'postgres', reference: ['public', 'orders'], textColumns: ['status'], excludeColumns: ['secret'] }),
      'CREATE TABLE "materialize"."public"."orders" FROM SOURCE "materialize"."public"."pg" (REFERENCE = "public"."orders") WITH (TEXT COLUMNS = ("status"), EXCLUDE COLUMNS = ("secret"))',
    ],
    [
      'Kafka, ENVELOPE UPSERT with VALUE DECODING ERRORS as on a source',
      table('latest', 'orders_topic', { type: 'kafka', reference: 'orders', format: { kind: 'key-value', key: { kind: 'text' }, value: { kind: 'json' } }, envelope: { kind: 'upsert', valueDecodingErrors: 'inline', alias: 'err' } }),
      'CREATE TABLE "materialize"."public"."latest" FROM SOURCE "materialize"."public"."orders_topic" (REFERENCE = "orders") KEY FORMAT TEXT VALUE FORMAT JSON ENVELOPE UPSERT (VALUE DECODING ERRORS = (INLINE AS "err"))',
    ],
    ['MySQL', table('c', 'my', { type: 'mysql', reference: ['shop', 'customers'] }), 'CREATE TABLE "materialize"."public"."c" FROM SOURCE "materialize"."public"."my" (REFERENCE = "shop"."customers")'],
    ['load generator', table('bids', 'auction', { type: 'load-generator', reference: 'bids' }), 'CREATE TABLE "materialize"."public"."bids" FROM SOURCE "materialize"."public"."auction" (REFERENCE = "bids")'],
    [
      'names that need quoting and a quote in a topic',
      table('my "table"', 'src', { type: 'kafka', reference: 'it"s' }),
      'CREATE TABLE "materialize"."public"."my ""table""" FROM SOURCE "materialize"."public"."src" (REFERENCE = "it""s")',
    ],
  ])('%s', (_title, t, sql) => {
    const statement = renderCreate(t);
    expect(statement.sql).toBe(sql);
    expect(statement.kind).toBe('create_table');
    expect(parseCreateSql(statement.sql, opts(t.spec.type)).object).toEqual(t);
  });
});
