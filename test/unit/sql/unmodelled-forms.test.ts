import { describe, expect, it } from 'vitest';
import { parseCreateSql, parseStatement, SqlParseError } from '../../../src/sql/index.js';

/**
 * Forms Materialize accepts that mzform's model cannot hold: they parse (so
 * the emulator and the catalog reader see the statement), and turning them
 * into the model fails with a reason naming the form, which the catalog
 * reader turns into "kept and not managed". Each form is from Materialize's
 * parser test data (src/sql-parser/tests/testdata/ddl, file:line).
 */
const FORMS: [string, string, RegExp][] = [
  ['ddl:636 MATCHING broker rule', "CREATE CONNECTION k TO KAFKA (BROKERS ('static:9092', MATCHING '*.use1-az1.*' USING AWS PRIVATELINK pl (AVAILABILITY ZONE = 'use1-az1')))", /MATCHING broker rules/],
  ['ddl:2555 column list with PRIMARY KEY NOT ENFORCED', "CREATE SOURCE s (a, b, PRIMARY KEY (a) NOT ENFORCED) FROM KAFKA CONNECTION k (TOPIC 'baz') FORMAT BYTES", /column list/],
  ['ddl:2665 inline Avro schema with options', "CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 'baz') FORMAT AVRO USING SCHEMA 'schema' (CONFLUENT WIRE FORMAT = false)", /inline schema/],
  ['FORMAT REGEX', "CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 't') FORMAT REGEX '(?P<a>.*)'", /REGEX/],
];

describe('forms mzform parses but does not model', () => {
  it.each(FORMS)('%s', (_label, sql, reason) => {
    expect(() => parseStatement(sql)).not.toThrow();
    let error: unknown;
    try {
      parseCreateSql(sql, { defaultDatabase: 'materialize', defaultSchema: 'public', defaultCluster: 'quickstart' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SqlParseError);
    expect((error as Error).message).toMatch(reason);
  });

  it('AVRO KEY / VALUE REFERENCES after a seeded schema parse and are kept with the seed, never compared', () => {
    const sql =
      "CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 'baz') FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr SEED KEY SCHEMA '{\"k\": 1}' KEY REFERENCES ('{\"r\": 1}') VALUE SCHEMA '{\"v\": 1}' VALUE REFERENCES ('{\"r\": 2}', '{\"r\": 3}') ENVELOPE NONE";
    const parsed = parseCreateSql(sql, { defaultDatabase: 'materialize', defaultSchema: 'public', defaultCluster: 'quickstart' });
    expect(parsed.outputs.seed).toContain("VALUE REFERENCES ('{\"r\": 2}', '{\"r\": 3}')");
    expect(parsed.object.kind).toBe('source');
  });

  it('START TIMESTAMP and IGNORE COLUMNS parse', () => {
    expect(() => parseStatement("CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 't', START TIMESTAMP = -1000) FORMAT JSON")).not.toThrow();
    expect(() => parseStatement("CREATE SOURCE s FROM POSTGRES CONNECTION pg (PUBLICATION 'p', IGNORE COLUMNS (public.t.c)) FOR ALL TABLES")).not.toThrow();
    expect(() => parseStatement('ALTER SOURCE s ADD SUBSOURCE public.t WITH (IGNORE COLUMNS (public.t.c))')).not.toThrow();
  });
});
