/**
 * The manifest: YAML in, `DesiredState` out. Everything else in mzform gets
 * the typed model from here and never sees the YAML.
 */
export { declaredEnvironments, expandManifestPaths, loadManifest, type LoadManifestOptions } from './load-manifest.js';
export { parseManifest, parseManifestSources, type ManifestSource, type ParseOptions } from './parse-manifest.js';
export { ManifestError, formatDiagnostic, type Diagnostic } from './diagnostics.js';
export { resolveSecretValue, secretSourceOf, UnreadSecretValue, type ReadSecretFile } from './secret-values.js';
export { createValueResolver, MAX_VALUE_BYTES, type Resolved, type ValueResolver, type ValueResolverOptions } from './value-resolver.js';
export { decodeUtf8, readTextFile, TextFileProblem } from './text-file.js';
export { manifestSchema } from './schema/manifest-schema.js';
