import type { CreateSourceStatement, GenericOption, Value } from '../../sql/ast.js';
import { MzError } from '../errors.js';

/**
 * What Materialize's source planner refuses before it contacts anything
 * upstream, as data: load generator options per generator and their ranges
 * (load_generator_ast_to_generator in src/sql/src/plan/statement/ddl.rs), and
 * TEXT / EXCLUDE COLUMNS references (map_column_refs in src/sql/src/pure/).
 */

/** `LoadGeneratorOptionName` in Materialize's order: the order of its "do not support" list. */
const LOAD_GENERATOR_OPTIONS = [
  'SCALE FACTOR',
  'TICK INTERVAL',
  'AS OF',
  'UP TO',
  'MAX CARDINALITY',
  'KEYS',
  'SNAPSHOT ROUNDS',
  'TRANSACTIONAL SNAPSHOT',
  'VALUE SIZE',
  'SEED',
  'PARTITIONS',
  'BATCH SIZE',
] as const;

const PERMITTED: Record<string, readonly string[]> = {
  AUCTION: ['TICK INTERVAL', 'AS OF', 'UP TO'],
  CLOCK: ['TICK INTERVAL', 'AS OF', 'UP TO'],
  COUNTER: ['TICK INTERVAL', 'AS OF', 'UP TO', 'MAX CARDINALITY'],
  MARKETING: ['TICK INTERVAL', 'AS OF', 'UP TO'],
  DATUMS: ['TICK INTERVAL', 'AS OF', 'UP TO'],
  TPCH: ['TICK INTERVAL', 'AS OF', 'UP TO', 'SCALE FACTOR'],
  'KEY VALUE': ['TICK INTERVAL', 'KEYS', 'SNAPSHOT ROUNDS', 'TRANSACTIONAL SNAPSHOT', 'VALUE SIZE', 'SEED', 'PARTITIONS', 'BATCH SIZE'],
};

/** Options whose value is an unsigned 64-bit count. */
const UNSIGNED = ['AS OF', 'UP TO', 'MAX CARDINALITY', 'KEYS', 'SNAPSHOT ROUNDS', 'VALUE SIZE', 'SEED', 'PARTITIONS', 'BATCH SIZE'];

/** What KEY VALUE needs, in the order Materialize asks for it. */
const KEY_VALUE_REQUIRED = ['KEYS', 'SNAPSHOT ROUNDS', 'VALUE SIZE', 'PARTITIONS', 'BATCH SIZE', 'SEED'];

export function checkSourceStatement(ast: CreateSourceStatement): void {
  if (ast.connection.kind === 'load-generator') checkLoadGenerator(ast.connection.generator, ast.connection.options, ast);
  if (ast.connection.kind === 'postgres' || ast.connection.kind === 'mysql') checkColumnReferences(ast);
}

function checkLoadGenerator(generator: string, options: readonly GenericOption[], ast: CreateSourceStatement): void {
  const seen = new Map<string, GenericOption>();
  for (const o of options) {
    if (seen.has(o.name)) throw new MzError(`${o.name} specified more than once`);
    seen.set(o.name, o);
    if (UNSIGNED.includes(o.name)) unsigned(o);
    if (o.name === 'SCALE FACTOR') number(o);
  }
  const unsupported = LOAD_GENERATOR_OPTIONS.filter((n) => seen.has(n) && !(PERMITTED[generator] ?? []).includes(n));
  if (unsupported.length > 0) throw new MzError(`${generator} load generators do not support ${unsupported.join(', ')} values`);
  const asOf = seen.get('AS OF');
  const upTo = seen.get('UP TO');
  if (asOf && upTo && unsigned(upTo) < unsigned(asOf)) throw new MzError('UP TO cannot be less than AS OF');
  if (generator !== 'KEY VALUE' && ast.include.length > 0) throw new MzError('INCLUDE metadata only supported with `KEY VALUE` load generators');
  if (generator === 'TPCH') {
    const sf = seen.get('SCALE FACTOR');
    const value = sf ? number(sf) : 0.01;
    // The largest table has 1,500,000 rows per unit of scale; its count must fit an i64.
    if (!Number.isFinite(value) || value < 0 || Math.floor(value * 1_500_000) >= 2 ** 63) throw new MzError(`unsupported scale factor ${value}`);
  }
  if (generator === 'KEY VALUE') {
    if (ast.include.some((i) => i.item !== 'offset' && i.item !== 'key')) throw new MzError('only `INCLUDE OFFSET` and `INCLUDE KEY` is supported');
    for (const name of KEY_VALUE_REQUIRED) if (!seen.has(name)) throw new MzError(`LOAD GENERATOR KEY VALUE requires ${name}`);
    const v = (name: string) => unsigned(seen.get(name)!);
    const [keys, partitions, valueSize, batchSize, rounds] = [v('KEYS'), v('PARTITIONS'), v('VALUE SIZE'), v('BATCH SIZE'), v('SNAPSHOT ROUNDS')];
    if (keys === 0n || partitions === 0n || valueSize === 0n || batchSize === 0n) throw new MzError('LOAD GENERATOR KEY VALUE options must be non-zero');
    if (keys % partitions !== 0n) throw new MzError('KEYS must be a multiple of PARTITIONS');
    if (batchSize > keys) throw new MzError('KEYS must be larger than BATCH SIZE');
    if ((keys / partitions) % batchSize !== 0n) throw new MzError('PARTITIONS * BATCH SIZE must be a divisor of KEYS');
    if (rounds === 0n) throw new MzError('SNAPSHOT ROUNDS must be larger than 0');
  }
}

function numberText(v: Value | undefined): string | undefined {
  if (v?.kind === 'number') return v.text;
  if (v?.kind === 'string') return v.value;
  return undefined;
}

function unsigned(o: GenericOption): bigint {
  const text = numberText(o.value);
  if (text === undefined || !/^[0-9]+$/.test(text.trim())) throw new MzError(`invalid ${o.name}: cannot use value as number`);
  const n = BigInt(text.trim());
  if (n > 18446744073709551615n) throw new MzError(`invalid ${o.name}: number too large to fit in target type`);
  return n;
}

function number(o: GenericOption): number {
  const text = numberText(o.value);
  const n = text === undefined ? Number.NaN : Number(text);
  if (text === undefined || Number.isNaN(n)) throw new MzError(`invalid ${o.name}: cannot use value as number`);
  return n;
}

/**
 * TEXT / EXCLUDE COLUMNS name columns at least as `table.column`; a column
 * cannot be both, nor one table's column twice in one list.
 */
function checkColumnReferences(ast: CreateSourceStatement): void {
  const options = ast.connection.kind === 'load-generator' ? [] : ast.connection.options;
  const lists = new Map<string, string[][]>();
  for (const name of ['TEXT COLUMNS', 'EXCLUDE COLUMNS']) {
    const option = options.find((o) => o.name === name) ?? ast.withOptions.find((o) => o.name === name);
    if (!option?.value) continue;
    const items = option.value.kind === 'list' ? option.value.items : [option.value];
    const refs: string[][] = [];
    for (const item of items) {
      const parts = item.kind === 'name' ? item.name.parts.map((p) => p.value) : item.kind === 'string' ? [item.value] : [];
      // Postgres resolves `table.column` upstream; MySQL takes only `schema.table.column`.
      const qualified = ast.connection.kind === 'mysql' ? parts.length === 3 : parts.length >= 2;
      if (!qualified) throw new MzError(`invalid ${name} option value: column name '${parts.join('.')}' must have at least a table qualification`);
      if (refs.some((r) => r.join('.') === parts.join('.'))) throw new MzError(`invalid ${name} option value: unexpected multiple references to ${parts.join('.')}`);
      refs.push(parts);
    }
    lists.set(name, refs);
    if (!ast.referencedSubsources) throw new MzError(`${name} option is unnecessary when no tables are added`);
  }
  const text = lists.get('TEXT COLUMNS') ?? [];
  const excluded = lists.get('EXCLUDE COLUMNS') ?? [];
  const both = text.filter((t) => excluded.some((e) => e.join('.') === t.join('.'))).map((t) => t[t.length - 1]!);
  if (both.length > 0) throw new MzError(`duplicated column name references: [${both.map((c) => JSON.stringify(c)).join(', ')}]`);
}
