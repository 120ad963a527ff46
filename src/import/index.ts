export { writeManifest, type ImportResult, type ImportSelection, type SecretVariable } from './write-manifest.js';
export { secretVariableNames, snake } from './secret-variables.js';
export { parseSelection } from './selection.js';
