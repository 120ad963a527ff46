#!/usr/bin/env node
// Runs after `tsc`: writes the precompiled manifest validator next to the code that
// imports it, in src/ (kept in the repository, so tests and the type check need no
// build) and in dist/ (what runs). A test fails when the copy in src/ is out of date.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestValidatorCode } from './manifest-validator-code.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { manifestSchema } = await import(join(root, 'dist/manifest/schema/manifest-schema.js'));
const code = manifestValidatorCode(manifestSchema);
for (const dir of ['src', 'dist']) writeFileSync(join(root, dir, 'manifest/schema/manifest-validator.generated.js'), code);
console.log(`manifest validator: ${Math.round(code.length / 1024)} KiB`);
