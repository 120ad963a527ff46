import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../src/manifest/index.js';

/**
 * Inputs the manifest fuzzer found that escaped as an uncaught exception or
 * took minutes. Each must now end, quickly, in a positioned ManifestError.
 */
const CASES: readonly { name: string; text: string; diagnostic: string }[] = [
  { name: 'nested flow mappings as keys (minutes in yaml toJS)', text: `${'{'.repeat(400)}${'}'.repeat(400)}`, diagnostic: 'f.yaml:1:2: a mapping key must be a name, not a mapping or a list' },
  { name: 'a list as an explicit key', text: '? [a]\n: 1\nversion: 1\n', diagnostic: 'f.yaml:1:3: a mapping key must be a name, not a mapping or a list' },
  { name: 'an alias with no anchor (ReferenceError)', text: 'version: *anchor\n', diagnostic: 'f.yaml:1:10: the alias *anchor has no anchor &anchor before it' },
  { name: 'a merge key of an unknown anchor (ReferenceError)', text: '- <<: *anchor', diagnostic: 'f.yaml:1:7: the alias *anchor has no anchor &anchor before it' },
  { name: 'an alias inside the value it names (stack overflow)', text: 'a: &a [*a]\nversion: 1\n', diagnostic: 'f.yaml:1:8: the alias *a is inside the value it names' },
  {
    name: 'aliases of aliases past the budget (ReferenceError)',
    text: 'a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    diagnostic: 'f.yaml:2:8: too many aliases: the document expands to more than 100 aliased values',
  },
];

describe('manifest inputs found by fuzzing', () => {
  it.each(CASES)('$name', ({ text, diagnostic }) => {
    const started = performance.now();
    let caught: unknown;
    try {
      parseManifest(text, 'f.yaml', {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ManifestError);
    expect((caught as ManifestError).message.split('\n').slice(1)).toEqual([diagnostic]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a type read from the environment that is no type never reaches another message (the fuzzer saw it quoted in a reference error)', () => {
    const text = 'version: 1\nconnections:\n  pl:\n    type: ${env:A}${env:B}\n    service_name: svc\n  k:\n    type: kafka\n    brokers:\n      - address: a:9092\n        ssh_tunnel: pl\n';
    let caught: unknown;
    try {
      parseManifest(text, 'f.yaml', { A: 'canary', B: 'value' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ManifestError);
    expect((caught as ManifestError).message).not.toContain('canaryvalue');
  });

  it('aliases that name an earlier anchor still work', () => {
    const text = 'version: 1\ndefaults:\n  cluster: &c quickstart\nsources:\n  s:\n    type: load-generator\n    generator: counter\n    cluster: *c\n';
    expect(parseManifest(text, 'f.yaml', {}).objects.map((o) => o.kind === 'source' && o.cluster)).toEqual(['quickstart']);
  });
});

/**
 * Objects with problems of their own are still read as far as possible, so that their
 * references are checked in the same run; the fuzzer found such partly read objects crashing
 * those checks (TypeError). Each must end in the manifest's own problems, positioned.
 */
const PARTLY_READ: readonly { name: string; text: string; first: string }[] = [
  {
    name: 'a broker zone checked against a PrivateLink connection whose zones are not a list',
    text: 'version: 1\nconnections:\n  pl:\n    type: aws-privatelink\n    service_name: com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc\n    availability_zones: use1-az1\n  k:\n    type: kafka\n    brokers:\n      - address: b1:9092\n        aws_privatelink: { connection: pl, availability_zone: use1-az2 }\n',
    first: 'f.yaml:6:25: connection pl: availability_zones: must be a list',
  },
  {
    name: 'a source whose key-value format has no value',
    text: "version: 1\nconnections:\n  csr: { type: confluent-schema-registry, url: 'http://r:8081' }\n  k: { type: kafka, broker: 'b:9092' }\nsources:\n  s:\n    type: kafka\n    connection: k\n    topic: t\n    format: { key: { avro: csr }, valuex: 1 }\n    cluster: quickstart\n",
    first: 'f.yaml:10:5: source s: missing required field "type"',
  },
  {
    name: 'a secret reference that is not a name',
    text: 'version: 1\nsecrets:\n  pw: { value: x }\nconnections:\n  pg:\n    type: postgres\n    host: h\n    database: d\n    user: u\n    password: { secret: 5 }\n    port: nope\n',
    first: 'f.yaml:3:16: secret pw: value: must be ${env:NAME} or ${file:path}, never the secret value itself',
  },
];

describe('partly read objects found by fuzzing', () => {
  it.each(PARTLY_READ)('$name', ({ text, first }) => {
    let caught: unknown;
    try {
      parseManifest(text, 'f.yaml', {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ManifestError);
    expect((caught as ManifestError).message.split('\n')[1]).toBe(first);
  });
});
