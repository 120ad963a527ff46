import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { deserializePlan, readPlanFile, serializePlan, serializeSavedPlan } from '../../../src/plan/index.js';
import { planFor, SCENARIOS } from './scenarios.js';

const schema = JSON.parse(readFileSync('schemas/plan.schema.json', 'utf8')) as object;
const validate = new Ajv2020.default({ strict: true }).compile(schema);

describe('plan file', () => {
  it.each(Object.keys(SCENARIOS))('%s: valid against schemas/plan.schema.json and round-trips', (name) => {
    const plan = planFor(SCENARIOS[name] as (typeof SCENARIOS)[string]);
    const text = serializePlan(plan);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const loaded = deserializePlan(text, 'plan.json');
    expect(serializePlan(loaded).replaceAll(/,\n\s*"secret_source": "[^"]*"/g, '')).toBe(text.replaceAll(/,\n\s*"secret_source": "[^"]*"/g, ''));
    const saved = serializeSavedPlan(plan, { manifest: ['m.yaml'], prune: false, rotateSecrets: ['a'], dependents: { u1: ['u2'] }, seal: 'hmac-sha256:00' });
    expect(validate(JSON.parse(saved)), JSON.stringify(validate.errors)).toBe(true);
    expect(readPlanFile(saved, 'plan.json').saved).toEqual({ manifest: ['m.yaml'], prune: false, rotateSecrets: ['a'], dependents: { u1: ['u2'] }, seal: 'hmac-sha256:00' });
  });

  it('stores where a secret comes from, never its value, and loading resolves nothing', () => {
    const plan = planFor(SCENARIOS['from-empty'] as (typeof SCENARIOS)[string]);
    const text = serializePlan(plan);
    expect(text).not.toContain('s3cr3t-pg');
    expect(text).toContain('"secret_source": "env:PG_PASSWORD"');
    const create = deserializePlan(text, 'plan.json').steps[0]?.statements[0];
    expect(create?.secret).toBeUndefined();
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{', /plan\.json: not valid JSON/],
    ['another version', '{"format_version": 2}', /format_version 2 is not supported/],
    ['missing steps', '{"format_version": 1, "summary": {}}', /steps must be an array/],
    ['unknown hazard', JSON.stringify({ format_version: 1, summary: { create: 0, alter: 0, replace: 0, drop: 0 }, steps: [{ id: '1', action: 'drop', object_kind: 'secret', name: { database: 'd', schema: 's', name: 'n' }, statements: [], hazards: [{ code: 'nope', message: '' }] }], catalog_fingerprints: {} }), /hazards\[0\]\.code must be one of/],
  ])('refuses %s', (_label, text, message) => {
    expect(() => deserializePlan(text, 'plan.json')).toThrow(InputError);
    expect(() => deserializePlan(text, 'plan.json')).toThrow(message);
  });
});
