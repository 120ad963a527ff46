import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObjectName } from '../../../src/model/names.js';
import type { MzObject } from '../../../src/model/objects.js';
import { SecretValue } from '../../../src/model/secret-value.js';
import { executableSql, parseCreateSql, parseStatements, renderComment, renderCreate, renderRename } from '../../../src/sql/index.js';

/** Strings built to break naive quoting: quotes, backslashes, comment and statement markers, dollar quotes, unicode. */
const NASTY = ['"', "'", '\\', '\n', '\r', '\t', ';', '--', '/*', '*/', '$$', '$1', '.', ',', '(', ')', '[', ']', '=', ' ', 'E\'', 'é', '😀', '\u2028', 'u5 AS', 'SECRET'];
const nasty = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => !s.includes('\0'));

/** Identifiers cannot be empty (Materialize: "zero-length delimited identifier"). */
const ident = nasty.filter((s) => s.length > 0);
const name: fc.Arbitrary<ObjectName> = fc.record({ database: ident, schema: ident, name: ident });

const RUNS = { numRuns: 300 };
const DEFAULTS = { defaultDatabase: 'materialize', defaultSchema: 'public' };

function single(sql: string) {
  const statements = parseStatements(sql);
  expect(statements).toHaveLength(1);
  return statements[0]!.statement;
}

describe('rendered statements round-trip any name and value, and cannot be broken out of', () => {
  it('CREATE CONNECTION (Postgres, every text field nasty)', () => {
    fc.assert(
      fc.property(name, name, nasty, nasty, nasty, fc.integer({ min: 0, max: 65535 }), (n, secret, host, database, user, port) => {
        const object: MzObject = {
          kind: 'connection',
          name: n,
          spec: { type: 'postgres', host, port, database, user: { kind: 'text', value: user }, password: secret, sslMode: 'require' },
        };
        const sql = renderCreate(object).sql;
        single(sql);
        expect(parseCreateSql(sql, DEFAULTS).object).toEqual(object);
      }),
      RUNS,
    );
  });

  it('CREATE CONNECTION (Kafka brokers, tunnels, PrivateLink zones)', () => {
    fc.assert(
      fc.property(name, fc.array(fc.tuple(nasty, fc.option(name, { nil: undefined }), fc.option(nasty, { nil: undefined })), { minLength: 1, maxLength: 3 }), (n, brokers) => {
        const object: MzObject = {
          kind: 'connection',
          name: n,
          spec: {
            type: 'kafka',
            brokers: brokers.map(([address, via, zone]) =>
              via === undefined ? { address } : zone === undefined ? { address, path: { kind: 'ssh-tunnel', connection: via } } : { address, path: { kind: 'aws-privatelink', connection: via, availabilityZone: zone } },
            ),
            saslUsername: { kind: 'text', value: brokers[0]![0] },
          },
        };
        const sql = renderCreate(object).sql;
        single(sql);
        expect(parseCreateSql(sql, DEFAULTS).object).toEqual(object);
      }),
      RUNS,
    );
  });

  it('CREATE SOURCE (Kafka topic, cluster, include aliases, retain history)', () => {
    fc.assert(
      // `,` is the default delimiter, which the parser normalizes away.
      fc.property(name, name, ident, nasty, ident, nasty, nasty.filter((d) => d !== ','), (n, connection, cluster, topic, alias, history, delimiter) => {
        const object: MzObject = {
          kind: 'source',
          name: n,
          cluster,
          retainHistory: history,
          spec: { type: 'kafka', connection, topic, format: { kind: 'bare', format: { kind: 'csv', columns: { kind: 'header', names: [alias] }, delimiter } }, include: [{ item: 'key', alias }] },
        };
        const sql = renderCreate(object).sql;
        single(sql);
        expect(parseCreateSql(sql, DEFAULTS).object).toEqual(object);
      }),
      RUNS,
    );
  });

  it('CREATE SECRET keeps the value out of the text; the executable text carries it as one literal', () => {
    fc.assert(
      fc.property(name, nasty, (n, value) => {
        const statement = renderCreate({ kind: 'secret', name: n, value: new SecretValue({ kind: 'env', variable: 'V' }, value) });
        expect(single(statement.sql)).toMatchObject({ kind: 'create_secret', value: { kind: 'string', value: '********' } });
        const executed = single(executableSql(statement));
        expect(executed).toMatchObject({ kind: 'create_secret', value: { kind: 'string', value } });
        expect(executed.kind === 'create_secret' && executed.name.parts.map((p) => p.value)).toEqual([n.database, n.schema, n.name]);
      }),
      RUNS,
    );
  });

  it('COMMENT ON and RENAME', () => {
    fc.assert(
      fc.property(name, fc.option(nasty, { nil: null }), ident, (n, comment, newName) => {
        expect(single(renderComment('source', n, comment).sql)).toMatchObject({ kind: 'comment', comment });
        const renamed = single(renderRename('connection', n, newName).sql);
        expect(renamed).toMatchObject({ kind: 'rename', newName: { value: newName, quoted: true } });
      }),
      RUNS,
    );
  });
});
