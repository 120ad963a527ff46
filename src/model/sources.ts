import { ENVELOPES, LOAD_GENERATORS, SOURCE_REGISTRY, type SourceRegistry, type SourceSpecOfTable } from './registry/source-registry.js';

/**
 * Source definitions in the legacy ("CREATE SOURCE ... FORMAT ... ENVELOPE")
 * model, the default on Materialize servers, typed per source type and
 * derived from the source registry (registry/source-registry.ts): one entry
 * there is one field here. Clauses that the server adds during purification
 * (SEED schemas, DETAILS, EXPOSE PROGRESS) are not part of the model: they
 * are never declared, so they never diff.
 */

export * from './source-values.js';

export type SourceSpecOf<T extends keyof SourceRegistry> = SourceSpecOfTable<T, SourceRegistry[T]>;

export type KafkaSource = SourceSpecOf<'kafka'>;
export type PostgresSource = SourceSpecOf<'postgres'>;
export type MysqlSource = SourceSpecOf<'mysql'>;
export type LoadGeneratorSource = SourceSpecOf<'load-generator'>;

export type SourceSpec = { [T in keyof SourceRegistry]: SourceSpecOf<T> }[keyof SourceRegistry];

export type SourceType = SourceSpec['type'];

export type Envelope = (typeof ENVELOPES)[number];
export type LoadGenerator = (typeof LOAD_GENERATORS)[number];

export const SOURCE_TYPES = Object.keys(SOURCE_REGISTRY) as readonly SourceType[];
