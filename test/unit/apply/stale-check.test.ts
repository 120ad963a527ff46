import { describe, expect, it } from 'vitest';
import { stalePlanError } from '../../../src/apply/stale-check.js';

describe('stalePlanError', () => {
  it('says what changed in words a user knows', () => {
    const error = stalePlanError([{ id: 'u1', name: 'materialize.public.tunnel', change: 'changed' }, { id: 'u2', change: 'removed' }], true);
    expect(error.message).toBe('the saved plan is stale: 2 objects changed since the plan read the catalog; nothing was applied:\n  u1 materialize.public.tunnel: changed\n  u2: removed');
    expect(error.message).not.toMatch(/\bmoved\b/);
  });
});
