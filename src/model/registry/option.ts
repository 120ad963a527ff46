import type { ObjectName } from '../names.js';
import type { ConnectionKind, KafkaBroker, KafkaDefaultPath, NetworkPath, TextOrSecret } from '../connection-values.js';

/**
 * The vocabulary of the option registry: how one option's value is written
 * (its codec), where it appears (SQL keyword, manifest key), and what
 * Materialize allows (alter in place, exclusive groups, server default).
 * The tables themselves are in connection-registry.ts and source-registry.ts.
 */

/**
 * How an option's value is written in SQL and in the manifest. Every reader
 * and writer dispatches on `kind` through a `Record<CodecKind, ...>`, so a
 * new codec is a compile error everywhere it must be handled.
 */
export type Codec =
  /** A string literal; `values` restricts it (JSON Schema enum), `case` normalizes what the server may spell either way. */
  | TextCodec<string>
  /** `'text'` or `SECRET name`; in the manifest a string or `{secret: name}`. */
  | { readonly kind: 'text-or-secret' }
  /** Only `SECRET name`; in the manifest only `{secret: name}`. */
  | { readonly kind: 'secret' }
  | { readonly kind: 'integer'; readonly min: number; readonly max?: number }
  /** `('a', 'b')`; in the manifest a list of strings. */
  | { readonly kind: 'text-list' }
  /** A connection of the given type, by name. */
  | { readonly kind: 'reference'; readonly to: ConnectionKind }
  /** `SSH TUNNEL c` or `AWS PRIVATELINK c`: keys `ssh_tunnel` / `aws_privatelink`. */
  | { readonly kind: 'network-path' }
  /** Kafka's `BROKER 'a' [USING ...]` or `BROKERS (...)`: keys `broker` / `brokers`. */
  | { readonly kind: 'kafka-brokers' }
  /** Kafka's top-level `SSH TUNNEL c` or `AWS PRIVATELINK c (PORT n)`: keys `ssh_tunnel`, `aws_privatelink`, `privatelink_port`. */
  | { readonly kind: 'kafka-default-path' };

export interface TextCodec<V extends string> {
  readonly kind: 'text';
  readonly values?: readonly V[];
  readonly case?: 'upper' | 'lower';
  /** Refuse other values when reading SQL too (not only in the manifest). */
  readonly strict?: boolean;
}

export type CodecKind = Codec['kind'];

/** The model value a codec stands for. */
export type ValueOf<C extends Codec> = C extends TextCodec<infer V>
  ? V
  : C extends { kind: 'text-or-secret' }
    ? TextOrSecret
    : C extends { kind: 'secret' | 'reference' }
      ? ObjectName
      : C extends { kind: 'integer' }
        ? number
        : C extends { kind: 'text-list' }
          ? readonly string[]
          : C extends { kind: 'network-path' }
            ? NetworkPath
            : C extends { kind: 'kafka-brokers' }
              ? readonly KafkaBroker[]
              : C extends { kind: 'kafka-default-path' }
                ? KafkaDefaultPath
                : never;

/** The SQL option names the registry uses (sql/ checks them against its parser's list at compile time). */
export type SqlOptionName =
  | 'ACCESS KEY ID'
  | 'ASSUME ROLE ARN'
  | 'ASSUME ROLE SESSION NAME'
  | 'AVAILABILITY ZONES'
  | 'AWS CONNECTION'
  | 'AWS PRIVATELINK'
  | 'BROKER'
  | 'BROKERS'
  | 'DATABASE'
  | 'ENDPOINT'
  | 'HOST'
  | 'PASSWORD'
  | 'PORT'
  | 'PROGRESS TOPIC'
  | 'PROGRESS TOPIC REPLICATION FACTOR'
  | 'REGION'
  | 'SASL MECHANISMS'
  | 'SASL PASSWORD'
  | 'SASL USERNAME'
  | 'SECRET ACCESS KEY'
  | 'SECURITY PROTOCOL'
  | 'SERVICE NAME'
  | 'SSH TUNNEL'
  | 'SSL CERTIFICATE'
  | 'SSL CERTIFICATE AUTHORITY'
  | 'SSL KEY'
  | 'SSL MODE'
  | 'SESSION TOKEN'
  | 'URL'
  | 'USER';

/**
 * One place an option appears: the SQL option that carries it and its
 * manifest key. Simple codecs have one part; the composite ones several
 * (`network-path`: SSH TUNNEL / ssh_tunnel and AWS PRIVATELINK / aws_privatelink).
 */
export interface OptionPart {
  readonly sql: SqlOptionName;
  readonly key: string;
  /** For the JSON Schema and docs/manifest.md. */
  readonly doc: string;
  /** Materialize accepts at most one option of each group named here. */
  readonly exclusive?: readonly string[];
}

/** One model field of a connection: how it is written, and what Materialize lets you do with it. */
export interface OptionEntry<C extends Codec = Codec, R extends boolean = boolean> {
  readonly codec: C;
  readonly parts: readonly OptionPart[];
  /**
   * Always present in the model. For a one-part option: Materialize refuses
   * the statement without it, and the manifest requires its key. A composite
   * codec may be required and still empty (Kafka's `brokers`).
   */
  readonly required: R;
  /** ALTER CONNECTION can SET / RESET it; otherwise a change means drop and create. */
  readonly alterable: boolean;
  /** What the server assumes when it is not written ("not written" and "written as this" compare equal). */
  readonly serverDefault?: string | number;
}

/** The options of one connection type, keyed by model field. */
export type OptionTable = Readonly<Record<string, OptionEntry>>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The typed model spec a table describes: required entries are required fields, the rest optional. */
export type SpecOfTable<T extends string, E extends OptionTable> = Simplify<
  { readonly type: T } & { readonly [K in keyof E as E[K]['required'] extends true ? K : never]: ValueOf<E[K]['codec']> } & {
    readonly [K in keyof E as E[K]['required'] extends true ? never : K]?: ValueOf<E[K]['codec']>;
  }
>;

interface Flags<R extends boolean> {
  readonly required?: R;
  /** Default true: Materialize alters every connection option but a few. */
  readonly alterable?: boolean;
  readonly serverDefault?: string | number;
  readonly exclusive?: readonly string[];
}

/** An entry with one part: `option('HOST', 'host', 'HOST: the bastion host.', text(), { required: true })`. */
export function option<C extends Codec, R extends boolean = false>(
  sql: SqlOptionName,
  key: string,
  doc: string,
  codec: C,
  flags: Flags<R> = {},
): OptionEntry<C, R> {
  return {
    codec,
    parts: [{ sql, key, doc, ...(flags.exclusive ? { exclusive: flags.exclusive } : {}) }],
    required: (flags.required ?? false) as R,
    alterable: flags.alterable ?? true,
    ...(flags.serverDefault !== undefined ? { serverDefault: flags.serverDefault } : {}),
  };
}

/** An entry of a composite codec, its parts spelled out. */
export function composite<C extends Codec, R extends boolean = false>(codec: C, parts: readonly OptionPart[], flags: Flags<R> = {}): OptionEntry<C, R> {
  return { codec, parts, required: (flags.required ?? false) as R, alterable: flags.alterable ?? true };
}

export const text = <V extends string = string>(extra: Omit<TextCodec<V>, 'kind'> = {}): TextCodec<V> => ({ kind: 'text', ...extra });
export const textOrSecret = { kind: 'text-or-secret' } as const;
export const secret = { kind: 'secret' } as const;
export const integer = (min: number, max?: number): { readonly kind: 'integer'; readonly min: number; readonly max?: number } => ({
  kind: 'integer',
  min,
  ...(max !== undefined ? { max } : {}),
});
export const port = integer(1, 65535);
export const textList = { kind: 'text-list' } as const;
export const reference = <T extends ConnectionKind>(to: T) => ({ kind: 'reference', to }) as const;
