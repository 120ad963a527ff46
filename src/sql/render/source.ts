import type { Source } from '../../model/objects.js';
import {
  SOURCE_CODEC_PLACE,
  sourceEntries,
  type Envelope,
  type UpsertInlineErrors,
  type SourceCodec,
  type SourceCodecKind,
  type SourceOptionEntry,
  type SourceSpec,
  type SourceValueOf,
} from '../../model/index.js';
import { qualifiedName, quoteIdent, quoteLiteral } from '../quote.js';
import { renderInteger } from './connection-options.js';
import {
  renderColumnList,
  renderEnvelopeClause,
  renderFormatClause,
  renderIncludeClause,
  renderTableSelectionClause,
} from './source-clauses.js';

export { columnList, renderFormat, renderReference, renderSourceTable } from './source-clauses.js';

/** Numbers such as SCALE FACTOR may be fractional; they must still be plain finite numbers. */
function renderNumber(n: number, what: string): string {
  if (!Number.isFinite(n) || n < 0) throw new Error(`${what} must be a non-negative number, got ${n}`);
  return String(n);
}

type Render<K extends SourceCodecKind> = (value: SourceValueOf<Extract<SourceCodec, { kind: K }>>, entry: SourceOptionEntry) => string | undefined;

/**
 * How each codec's value is printed: the `FROM` clause for `from` codecs,
 * `value` of `NAME = value` for `option` codecs, the whole clause for `clause`
 * codecs (see SOURCE_CODEC_PLACE). Undefined prints nothing.
 */
const RENDER: { readonly [K in SourceCodecKind]: Render<K> } = {
  reference: (v, e) => `FROM ${e.codec.kind === 'reference' ? e.codec.to.toUpperCase() : ''} CONNECTION ${qualifiedName(v)}`,
  // `key-value` is KEY VALUE.
  generator: (v) => `FROM LOAD GENERATOR ${v.toUpperCase().replaceAll('-', ' ')}`,
  text: (v) => quoteLiteral(v),
  number: (v, e) => {
    if (e.codec.kind !== 'number' || !e.codec.integer) return renderNumber(v, e.sql);
    // START TIMESTAMP may be negative (relative to now).
    return v < 0 && e.codec.min < 0 ? `-${renderInteger(-v, e.sql)}` : renderInteger(v, e.sql);
  },
  boolean: (v) => String(v),
  'integer-list': (v, e) => `(${v.map((o) => renderInteger(o, e.sql)).join(', ')})`,
  'column-list': (v) => (v.length > 0 ? renderColumnList(v) : undefined),
  'kafka-format': (v) => renderFormatClause(v),
  'include-list': (v) => renderIncludeClause(v),
  envelope: (v) => renderEnvelopeClause(v as Envelope | UpsertInlineErrors),
  'table-selection': (v) => renderTableSelectionClause(v),
  'progress-subsource': (v) => `EXPOSE PROGRESS AS ${qualifiedName(v)}`,
};

/** The order Materialize prints a source's clauses in, after `FROM ... (options)`. */
const CLAUSE_ORDER: readonly SourceCodecKind[] = ['kafka-format', 'include-list', 'envelope', 'table-selection', 'progress-subsource'];

/** `FROM ...` and the clauses after it, from the type's registry entries. */
function renderSourceBody(spec: SourceSpec): string[] {
  const values = spec as unknown as Record<string, unknown>;
  let from = '';
  const options: string[] = [];
  const clauses = new Map<SourceCodecKind, string>();
  for (const [field, entry] of sourceEntries(spec.type)) {
    const value = values[field];
    if (value === undefined) continue;
    const text = (RENDER[entry.codec.kind] as Render<SourceCodecKind>)(value as never, entry);
    if (text === undefined) continue;
    const place = SOURCE_CODEC_PLACE[entry.codec.kind];
    if (place === 'from') from = text;
    else if (place === 'option') options.push(`${entry.sql} = ${text}`);
    else clauses.set(entry.codec.kind, text);
  }
  const withOptions = options.length > 0 ? `${from} (${options.join(', ')})` : from;
  return [withOptions, ...CLAUSE_ORDER.flatMap((kind) => clauses.get(kind) ?? [])];
}

/**
 * `CREATE SOURCE "db"."s"."n" IN CLUSTER "c" FROM ...`, always with an explicit
 * cluster: the session default would otherwise decide where it runs.
 */
export function renderCreateSourceSql(source: Source): string {
  const withOptions: string[] = [];
  if (source.retainHistory !== undefined) withOptions.push(`RETAIN HISTORY = FOR ${quoteLiteral(source.retainHistory)}`);
  if (source.timestampInterval !== undefined) withOptions.push(`TIMESTAMP INTERVAL = ${quoteLiteral(source.timestampInterval)}`);
  return [
    `CREATE SOURCE ${qualifiedName(source.name)}`,
    `IN CLUSTER ${quoteIdent(source.cluster)}`,
    ...renderSourceBody(source.spec),
    ...(withOptions.length > 0 ? [`WITH (${withOptions.join(', ')})`] : []),
  ].join(' ');
}
