import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestValidatorCode } from '../../../scripts/manifest-validator-code.mjs';
import { manifestSchema } from '../../../src/manifest/index.js';
import { updatingGolden } from '../../golden-mode.js';

const FILE = 'src/manifest/schema/manifest-validator.generated.js';

describe('the precompiled manifest validator', () => {
  it('is compiled from the schema the loader describes (npm run build or UPDATE_GOLDEN=1 rewrites it)', () => {
    const generated = manifestValidatorCode(manifestSchema);
    if (updatingGolden()) writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });

});
