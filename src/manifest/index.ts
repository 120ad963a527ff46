/**
 * The manifest: YAML in, `DesiredState` out. Everything else in mzform gets
 * the typed model from here and never sees the YAML.
 */
export { loadManifest, type LoadManifestOptions } from './load-manifest.js';
export { parseManifest } from './parse-manifest.js';
export { ManifestError, formatDiagnostic, type Diagnostic } from './diagnostics.js';
export type { ReadSecretFile } from './secret-values.js';
export { manifestSchema } from './schema/manifest-schema.js';
