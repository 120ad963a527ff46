import { createSqlCorpus, manifestCorpus } from './corpus.js';
import { mutate, type MutationContext } from './mutate.js';
import { createSqlOracle, manifestOracle } from './oracles.js';
import { Prng } from './prng.js';

/**
 * A fuzz campaign: a corpus, how to mutate it, and the oracle every mutated
 * input must satisfy. Input `i` of seed `s` depends on nothing else, so any
 * one input can be regenerated on its own.
 */
export interface Campaign {
  readonly name: CampaignName;
  input(seed: number, index: number): { text: string; steps: readonly string[] };
  /** The outcome's label (counted), or throws: an uncaught exception or an OracleViolation. */
  run(text: string): string;
}

export type CampaignName = 'manifest' | 'create-sql' | 'watchdog-check';

const YAML_INTERESTING = [
  '', '~', 'null', 'true', 'no', 'yes', '0', '-1', '65536', '1e309', '0x1F', '.nan', '-.inf', '999999999999999999999',
  '"\\u0000"', '"\\uD800"', "'it''s'", '"a\\"b"', '${env:MISSING_VAR}', '${env:}', '${file:certs/ca.pem}', '${file:../../nope}',
  '${env:A}${env:B}', '&anchor', '*anchor', '<<: *anchor', '&self [*self]', '!!binary aGVsbG8=', '!!str', '!custom', '? complex', '|', '>-',
  '[]', '{}', '[a, b]', '{a: 1}', 'x'.repeat(2000), 'a.b.c', '"a"."b"', 'materialize', 'public', 'kafka', 'secret', 'ssh-tunnel',
  'aws-privatelink', 'postgres', 'mysql', 'load-generator', 'Robert\'); DROP TABLE x;--', '"; DROP SOURCE s CASCADE; --',
  '\u2028', '\uFEFF', 'İ', '\u{1F600}',
];

const SQL_INTERESTING = [
  "''", "'it''s'", "'unterminated", '"unterminated', '""', '"a""b"', 'E\'\\x00\'', '$$dollar$$', '$1', '[u5 AS "a"."b"."c"]', '[u5',
  '[s1 AS x]', 'SECRET', 'SECRET x', 'CONNECTION', 'SSH TUNNEL', 'AWS PRIVATELINK', 'BROKERS', 'USING', 'PORT', '=', '(', ')', ',', ';',
  '0', '-1', '65536', '1e309', '9999999999999999999999', '0.5', 'NULL', 'TRUE', 'DEFAULT', 'KAFKA', 'POSTGRES', 'MYSQL', 'FORMAT',
  'ENVELOPE', 'UPSERT', 'INCLUDE', 'KEY', 'FOR ALL TABLES', 'FOR TABLES (t)', 'IN CLUSTER', 'WITH (VALIDATE = false)', '--', '/*', '*/',
  'x'.repeat(2000), '\u0000', '\uD800', 'İ', '\u{1F600}',
];

function campaign(name: CampaignName, corpus: readonly string[], tokenPattern: RegExp, interesting: readonly string[], run: (text: string) => string): Campaign {
  const ctx: MutationContext = { corpus, tokenPattern, interesting };
  return {
    name,
    input(seed, index) {
      const rng = new Prng(seed, index);
      const base = rng.pick(corpus);
      return mutate(base, rng, ctx);
    },
    run,
  };
}

export function loadCampaign(name: CampaignName): Campaign {
  switch (name) {
    case 'manifest':
      return campaign(name, manifestCorpus(), /(\s+|[:{}[\],#"'])/, YAML_INTERESTING, manifestOracle);
    case 'create-sql':
      return campaign(name, createSqlCorpus(), /(\s+|[(),;=.[\]'"])/, SQL_INTERESTING, createSqlOracle);
    case 'watchdog-check':
      return WATCHDOG_CHECK;
  }
}

/**
 * Checks the harness itself, not mzform: input 1 is slow (busy for 300 ms of
 * wall time, as a loaded machine makes an ordinary input), input 3 never
 * ends, the rest are instant.
 */
const WATCHDOG_CHECK: Campaign = {
  name: 'watchdog-check',
  input: (_seed, index) => ({ text: index === 1 ? 'slow' : index === 3 ? 'hang' : 'quick', steps: [] }),
  run(text) {
    const until = text === 'slow' ? performance.now() + 300 : text === 'hang' ? Infinity : 0;
    while (performance.now() < until) {
      // busy, as a synchronous parser is
    }
    return text;
  },
};
