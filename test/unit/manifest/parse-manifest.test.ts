import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/manifest/index.js';
import { nameKey, type Connection, type Source } from '../../../src/model/index.js';

const parse = (text: string, env: Record<string, string> = {}, readFile?: (p: string) => string) => parseManifest(text, 'm.yaml', env, readFile);

describe('parseManifest', () => {
  it.each([
    ['a plain string resolves in the default schema', 'password: { secret: pw }', { database: 'db', schema: 'sch', name: 'pw' }],
    ['the object form names another schema', 'password: { secret: { name: pw, schema_name: vault } }', { database: 'db', schema: 'vault', name: 'pw' }],
    [
      'the object form names another database',
      'password: { secret: { name: pw, schema_name: vault, database_name: other } }',
      { database: 'other', schema: 'vault', name: 'pw' },
    ],
    ['names keep dots and quotes', 'password: { secret: { name: "a.b\\"c", schema_name: vault } }', { database: 'db', schema: 'vault', name: 'a.b"c' }],
  ])('%s', (_, password, expected) => {
    const secretName = expected.name;
    const text = `version: 1
defaults: { database: db, schema: sch }
secrets:
  ${JSON.stringify(secretName)}:
    value: \${env:PW}
    database_name: ${expected.database}
    schema_name: ${expected.schema}
connections:
  pg:
    type: postgres
    host: h
    database: d
    user: u
    ${password}
`;
    const state = parse(text, { PW: 'x' });
    const pg = state.objects.find((o): o is Connection => o.kind === 'connection')!;
    expect(pg.name).toEqual({ database: 'db', schema: 'sch', name: 'pg' });
    expect(pg.spec.type === 'postgres' && pg.spec.password).toEqual(expected);
  });

  // Materialize's planner reads VERIFY-IDENTITY, VERIFY-CA and REQUIRE too (src/sql/src/plan/statement/ddl/connection.rs:524-527).
  it.each([
    ['verify-identity', 'verify_identity'],
    ['verify-ca', 'verify_ca'],
    ['require', 'required'],
    ['verify_identity', 'verify_identity'],
  ])('MySQL ssl_mode %s is read as %s', (written, expected) => {
    const text = `version: 1
connections:
  my:
    type: mysql
    host: h
    user: u
    ssl_mode: ${written}
`;
    const my = parse(text).objects.find((o): o is Connection => o.kind === 'connection')!;
    expect(my.spec.type === 'mysql' && my.spec.sslMode).toBe(expected);
  });

  it('keeps server defaults out of the model', () => {
    const state = parse('version: 1\nconnections:\n  t:\n    type: ssh-tunnel\n    host: h\n    user: u\n');
    expect(state.objects[0]).toEqual({ kind: 'connection', name: { database: 'materialize', schema: 'public', name: 't' }, spec: { type: 'ssh-tunnel', host: 'h', user: 'u' } });
  });

  it('sorts objects by kind then name, and records where each was declared', () => {
    const state = parse(
      'version: 1\ndefaults: { cluster: c }\nsources:\n  z:\n    type: load-generator\n    generator: counter\nsecrets:\n  b:\n    value: ${env:X}\n  a:\n    value: ${env:X}\n',
      { X: 'v' },
    );
    expect(state.objects.map((o) => `${o.kind}:${o.name.name}`)).toEqual(['secret:a', 'secret:b', 'source:z']);
    expect(state.locations.get(nameKey({ database: 'materialize', schema: 'public', name: 'a' }))).toEqual({ file: 'm.yaml', line: 10, column: 3 });
    expect((state.objects[2] as Source).cluster).toBe('c');
  });

  it('derives the scope from declared objects plus the scope setting, and reads prune', () => {
    const state = parse(
      'version: 1\nprune: true\nscope: [staging, { database_name: other, schema_name: raw }]\nsecrets:\n  a:\n    value: ${env:X}\n    schema_name: vault\n',
      { X: 'v' },
    );
    expect(state.prune).toBe(true);
    expect(state.scope).toEqual([
      { database: 'materialize', schema: 'staging' },
      { database: 'materialize', schema: 'vault' },
      { database: 'other', schema: 'raw' },
    ]);
    expect(parse('version: 1\n').prune).toBe(false);
  });

  it('hides secret values from every printable form', () => {
    const state = parse('version: 1\nsecrets:\n  a:\n    value: ${env:X}\n', { X: 'the-value' });
    const secret = state.objects[0]!;
    expect(secret.kind === 'secret' && secret.value?.reveal()).toBe('the-value');
    expect(JSON.stringify(state.objects)).not.toContain('the-value');
    expect(`${secret.kind === 'secret' ? secret.value : ''}`).toBe('<secret from env:X>');
  });

  it('reads ${file:...} secrets through the given reader, relative paths as written', () => {
    const read: string[] = [];
    const state = parse('version: 1\nsecrets:\n  ca:\n    value: ${file:certs/ca.pem}\n', {}, (p) => {
      read.push(p);
      return '-----BEGIN CERTIFICATE-----\n';
    });
    expect(read).toEqual(['certs/ca.pem']);
    const secret = state.objects[0]!;
    expect(secret.kind === 'secret' && secret.value?.source).toEqual({ kind: 'file', path: 'certs/ca.pem' });
  });

  it('reports an unreadable secret file by name', () => {
    const fail = () =>
      parse('version: 1\nsecrets:\n  ca:\n    value: ${file:certs/ca.pem}\n', {}, () => {
        throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      });
    expect(fail).toThrow('m.yaml:4:12: secret ca: cannot read file certs/ca.pem (ENOENT)');
  });

  it('converts Kafka source formats, envelopes, includes and Postgres tables', () => {
    const state = parse(`version: 1
defaults: { cluster: quickstart }
connections:
  k: { type: kafka, broker: "a:9092" }
  csr: { type: confluent-schema-registry, url: "http://r:8081" }
  pg: { type: postgres, host: h, database: d, user: u }
sources:
  kafka:
    type: kafka
    connection: k
    topic: t
    key_format: { type: csv, header: [a, b], delimiter: ";" }
    value_format: { type: avro, schema_registry: csr }
    envelope: upsert
    include: [key, { item: headers, as: h }]
    start_offset: [0, 10]
  pg_source:
    type: postgres
    connection: pg
    publication: p
    schema_name: ingest
    tables: [public.orders, [odd.schema, t], { table: public.c, name: c_copy }]
    exclude_columns: [public.orders.secret_col]
`);
    const sources = state.objects.filter((o): o is Source => o.kind === 'source');
    // Sorted by database, schema, name: `ingest` comes before `public`.
    expect(sources.map((s) => s.name.name)).toEqual(['pg_source', 'kafka']);
    const [pg, kafka] = sources;
    expect(kafka!.spec).toMatchObject({
      format: {
        kind: 'key-value',
        key: { kind: 'csv', columns: { kind: 'header', names: ['a', 'b'] }, delimiter: ';' },
        value: { kind: 'avro', schemaRegistry: { database: 'materialize', schema: 'public', name: 'csr' } },
      },
      envelope: 'upsert',
      include: [{ item: 'key' }, { item: 'headers', alias: 'h' }],
      startOffset: [0, 10],
    });
    expect(pg!.spec).toMatchObject({
      tables: {
        kind: 'tables',
        tables: [
          { reference: ['public', 'orders'] },
          { reference: ['odd.schema', 't'] },
          { reference: ['public', 'c'], alias: { database: 'materialize', schema: 'ingest', name: 'c_copy' } },
        ],
      },
      excludeColumns: [['public', 'orders', 'secret_col']],
    });
  });
});
