import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../../src/output/index.js';
import { PLAN_FORMAT_VERSION, type Plan } from '../../../src/plan/index.js';
import { makeStatement } from '../../../src/sql/statement.js';

const ESC = '\u001b[8m';
const name = { database: 'materialize', schema: 'public', name: `hidden${ESC}` };

/** Every text the plan shows, from the manifest or the catalog, with an escape sequence in it. */
const plan: Plan = {
  formatVersion: PLAN_FORMAT_VERSION,
  steps: [
    {
      id: '1',
      action: 'alter',
      objectKind: 'connection',
      name,
      statements: [makeStatement('alter_connection', 'connection', name, `ALTER CONNECTION x SET (HOST = 'h${ESC}')`)],
      hazards: [{ code: 'drop', message: `gone ${ESC}` }],
      reason: `because ${ESC}`,
      fields: [{ field: 'host', shape: 'text', before: `a${ESC}`, after: `b${ESC}` }],
    },
  ],
  unmanaged: [{ id: 'u1', objectKind: 'source', name }],
  summary: { create: 0, alter: 1, replace: 0, drop: 0 },
  catalogFingerprints: { u1: `f${ESC}` },
  warnings: [`careful ${ESC}`],
};

describe('text plan on a terminal', () => {
  it('shows every escape sequence of names, reasons, hazards, fields, SQL, unmanaged objects and warnings as text', () => {
    const text = renderPlanText(plan);
    expect(text).not.toContain('\u001b');
    expect(text.split('\\u001b[8m').length - 1).toBe(8);
  });
});
