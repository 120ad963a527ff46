/**
 * The option registry: what each Materialize connection option looks like,
 * declared once. Every other place that knows an option (the create_sql
 * parser, the CREATE / ALTER renderers, the differ, references, defaults, the
 * JSON Schema, the manifest converter, `import`, docs/manifest.md) reads it
 * from here; the connection spec types (model/connections.ts) and the
 * manifest's connection document types (manifest/manifest-document.ts) are
 * derived from it.
 *
 * API:
 * - `CONNECTION_REGISTRY[type][field]`: an `OptionEntry` per model field:
 *   `codec` (how the value is written), `parts` (SQL option, manifest key, doc,
 *   exclusive groups), `required`, `alterable`, `serverDefault`.
 * - `connectionEntries(type)`, `connectionEntry(type, field)`,
 *   `connectionSqlOptions(type)`: lookups.
 * - `SET_REPLACES_GROUP`: options an ALTER CONNECTION SET replaces together.
 * - `valuesByManifestKey(entry, value)`, `manifestKeys(entry)`: a field's
 *   value under the keys a plan names it by.
 * - Types: `Codec`, `CodecKind`, `OptionEntry`, `OptionPart`, `SqlOptionName`, `ValueOf`.
 * - `SOURCE_REGISTRY[type][field]`, `SOURCE_COMMON_OPTIONS`: a `SourceOptionEntry`
 *   per source field: SQL option or clause, manifest keys, codec, required,
 *   server default, and how a change is made (`replace`, `per-table`,
 *   `in-place`); `sourceEntries`, `sourceEntry`; `SOURCE_CODEC_PLACE` says where
 *   each source codec is written (FROM clause, `FROM ... (option = value)`, or a
 *   clause of its own). The source spec types (model/sources.ts) and the
 *   manifest's source documents are derived from it.
 *
 * Adding an option: one entry in connection-registry.ts (its model field,
 * SQL keyword, manifest key, doc and codec, and `alterable: false` or
 * `serverDefault` where Materialize says so), then regenerate
 * schemas/manifest.schema.json and docs/manifest.md
 * (`UPDATE_GOLDEN=1 npx vitest run test/unit/manifest`). The round-trip test
 * over the registry covers the new entry; if Materialize's emulator account
 * differs, test/unit/model/registry-vs-emulator.test.ts says so. A new codec
 * kind is a compile error in every `Record<CodecKind, ...>` that must handle
 * it. A source option: one entry in source-registry.ts, likewise; a new
 * clause codec (a structure such as FORMAT) is a compile error in each
 * `Record<SourceCodecKind, ...>` (parser, renderer, converter, schema,
 * `import`, references, docs) until each handles it.
 *
 * The emulator keeps its own account of what Materialize accepts and never
 * imports this; test/unit/model/registry-vs-emulator.test.ts compares the two.
 */
export { CONNECTION_REGISTRY, SET_REPLACES_GROUP, connectionEntries, connectionEntry, connectionSqlOptions, type ConnectionRegistry } from './connection-registry.js';
export { SOURCE_SHAPES, manifestKeys, shapeOf, valuesByManifestKey, type ValueShape } from './field-values.js';
export {
  ENVELOPES,
  LOAD_GENERATORS,
  MULTI_OUTPUT_GENERATORS,
  SOURCE_CODEC_PLACE,
  SOURCE_COMMON_OPTIONS,
  SOURCE_REGISTRY,
  sourceEntries,
  sourceEntry,
  type SourceCodec,
  type SourceCodecKind,
  type SourceOptionEntry,
  type SourceOptionTable,
  type SourcePlace,
  type SourceRegistry,
  type SourceValueOf,
} from './source-registry.js';
export { normalizedText, type Codec, type CodecKind, type OptionEntry, type OptionPart, type OptionTable, type SqlOptionName, type TextCodec, type ValueOf } from './option.js';
