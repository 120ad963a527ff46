import { CONNECTION_TYPES, connectionEntries, type Codec, type CodecKind, type ConnectionType, type OptionEntry, type OptionPart } from '../../model/index.js';

/**
 * The option tables of docs/manifest.md, written from the option registry so
 * that the reference cannot fall behind it (a test compares the file with
 * these tables; `UPDATE_GOLDEN=1` rewrites them). Each table sits between
 * `<!-- options: TYPE -->` and `<!-- /options -->`.
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

/** docs/manifest.md with every option table replaced by the registry's. */
export function withOptionTables(markdown: string): string {
  let out = markdown;
  for (const type of CONNECTION_TYPES) {
    const pattern = new RegExp(`(<!-- options: ${type} -->\\n)[\\s\\S]*?(\\n<!-- /options -->)`);
    out = out.replace(pattern, (_m, open: string, close: string) => `${open}${connectionOptionTable(type)}${close}`);
  }
  return out;
}
