import {
  CONNECTION_TYPES,
  SOURCE_TYPES,
  connectionEntries,
  sourceEntries,
  type Codec,
  type CodecKind,
  type ConnectionType,
  type OptionEntry,
  type OptionPart,
  type SourceCodec,
  type SourceCodecKind,
  type SourceType,
} from '../../model/index.js';

/**
 * The option tables of docs/manifest.md, written from the option registry so
 * that the reference cannot fall behind it (a test compares the file with
 * these tables; `UPDATE_GOLDEN=1` rewrites them). Each table sits between
 * `<!-- connection options: TYPE -->` (or `source options`) and `<!-- /options -->`.
 */

type ValueWords<K extends CodecKind> = (codec: Extract<Codec, { kind: K }>, index: number) => string;

const VALUE: { readonly [K in CodecKind]: ValueWords<K> } = {
  text: (c) => (c.values ? c.values.map((v) => `\`${v}\``).join(', ') : 'text'),
  'text-or-secret': () => 'secret or text',
  secret: () => 'secret',
  integer: (c) => (c.min === 1 && c.max === 65535 ? 'port number' : `whole number, at least ${c.min}`),
  'text-list': () => 'list of text',
  reference: (c) => `an ${c.to} connection`,
  'network-path': (_c, i) => (i === 0 ? 'an ssh-tunnel connection' : 'an aws-privatelink connection'),
  'kafka-brokers': (_c, i) => (i === 0 ? 'one broker' : 'list of brokers'),
  'kafka-default-path': (_c, i) => ['an ssh-tunnel connection', 'an aws-privatelink connection', 'port number'][i]!,
};

function notes(type: ConnectionType, entry: OptionEntry, part: OptionPart): string {
  const out: string[] = [];
  if (entry.required && entry.parts.length === 1) out.push('required');
  if (entry.serverDefault !== undefined) out.push(`server default ${entry.serverDefault}`);
  if (!entry.alterable) out.push('a change re-creates the connection');
  const inGroup = (group: string) => connectionEntries(type).flatMap(([, e]) => e.parts.filter((p) => p.exclusive?.includes(group)));
  const others = (part.exclusive ?? []).flatMap((g) => inGroup(g).filter((p) => p.key !== part.key).map((p) => `\`${p.key}\``));
  if (others.length > 0) out.push(`not with ${[...new Set(others)].join(', ')}`);
  return out.join('; ');
}

/** One connection type's options as a Markdown table. */
export function connectionOptionTable(type: ConnectionType): string {
  const rows = connectionEntries(type).flatMap(([, entry]) =>
    entry.parts.map((part, i) => {
      const sql = part.key === 'privatelink_port' ? 'AWS PRIVATELINK (PORT)' : part.sql;
      const value = (VALUE[entry.codec.kind] as ValueWords<CodecKind>)(entry.codec as never, i);
      return `| \`${part.key}\` | ${sql} | ${value} | ${notes(type, entry, part)} |`;
    }),
  );
  return ['| key | SQL | value | |', '|---|---|---|---|', ...rows].join('\n');
}

const SOURCE_VALUE: { readonly [K in SourceCodecKind]: (codec: Extract<SourceCodec, { kind: K }>) => string } = {
  text: (c) => (c.values ? c.values.map((v) => `\`${v}\``).join(', ') : 'text'),
  generator: (c) => (c.values ?? []).map((v) => `\`${v}\``).join(', '),
  envelope: (c) => (c.values ?? []).map((v) => `\`${v}\``).join(', '),
  boolean: () => '`true`, `false`',
  number: (c) => (c.min <= Number.MIN_SAFE_INTEGER ? 'whole number, may be negative' : c.integer ? `whole number, at least ${c.min}` : `number, at least ${c.min}`),
  reference: (c) => `a ${c.to} connection`,
  'integer-list': () => 'list of whole numbers',
  'kafka-format': () => 'a format (below)',
  'include-list': () => '`key`, `partition`, `offset`, `timestamp`, `headers`, `{item, as}`, or `{header, as, bytes}`',
  'progress-subsource': () => 'a name, or `{name, schema, database}`',
  'table-selection': (c) => (c.allOnly ? '`all`' : '`all`, or a list (below)'),
  'column-list': () => 'list of upstream `schema.table.column`',
};

const CHANGE_NOTE = { replace: '', 'per-table': 'table by table: ALTER SOURCE ... ADD SUBSOURCE, DROP SOURCE <subsource>', 'in-place': 'changed in place' } as const;

/** One source type's options as a Markdown table. */
export function sourceOptionTable(type: SourceType): string {
  const rows = sourceEntries(type).map(([, entry]) => {
    const value = (SOURCE_VALUE[entry.codec.kind] as (c: SourceCodec) => string)(entry.codec);
    // A table selection left out makes a v26 source, whose tables are `tables:` (CREATE TABLE ... FROM SOURCE).
    const required =
      entry.required && entry.keys.length === 1 ? 'required' : entry.required ? `at most one of ${entry.keys.map((k) => `\`${k}\``).join(', ')}; neither: a v26 source, see [tables](#tables-from-sources)` : '';
    const notes = [required, entry.serverDefault !== undefined ? `server default ${entry.serverDefault}` : '', CHANGE_NOTE[entry.change]].filter(Boolean).join('; ');
    return `| ${entry.keys.map((k) => `\`${k}\``).join(', ')} | ${entry.sql} | ${value} | ${notes} |`;
  });
  return ['| key | SQL | value | |', '|---|---|---|---|', ...rows].join('\n');
}

function replaceBlock(markdown: string, marker: string, table: string): string {
  const pattern = new RegExp(`(<!-- ${marker} -->\\n)[\\s\\S]*?(\\n<!-- /options -->)`);
  return markdown.replace(pattern, (_m, open: string, close: string) => `${open}${table}${close}`);
}

/** docs/manifest.md with every option table replaced by the registry's. */
export function withOptionTables(markdown: string): string {
  let out = markdown;
  for (const type of CONNECTION_TYPES) out = replaceBlock(out, `connection options: ${type}`, connectionOptionTable(type));
  for (const type of SOURCE_TYPES) out = replaceBlock(out, `source options: ${type}`, sourceOptionTable(type));
  return out;
}
