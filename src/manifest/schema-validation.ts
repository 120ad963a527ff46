import type { ErrorObject } from 'ajv';
import type { DocPath } from './yaml-document.js';
import { validate } from './schema/manifest-validator.generated.js';
import { closestMatch } from '../model/did-you-mean.js';
import { fieldLabel } from './object-context.js';

/** A schema violation, located by document path, worded for people. */
export interface SchemaProblem {
  readonly path: DocPath;
  /** Point at the key (unknown or missing fields) or at the value. */
  readonly target: 'key' | 'value';
  readonly message: string;
}

/**
 * Checks `value` with the validator ajv compiled from the manifest schema at
 * build time (scripts/manifest-validator-code.mjs: every error, each with its
 * schema and data), so no run compiles the schema.
 */
export function validateAgainstSchema(value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const described = describe(error);
    if (!described) continue;
    const problem = namingField(described);
    // Union shapes fail once per branch at the same place; one message is enough.
    const key = JSON.stringify([problem.path, error.keyword === 'type' ? 'type' : problem.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Sections whose entries are objects: their first two path parts are the object, which the diagnostic names already. */
const OBJECT_SECTIONS = new Set(['secrets', 'connections', 'sources']);

/** "port: must be a whole number": a wrong value names its field, as a wrong key does. */
function namingField(problem: SchemaProblem): SchemaProblem {
  if (problem.target !== 'value') return problem;
  const [section] = problem.path;
  const skip = OBJECT_SECTIONS.has(String(section)) ? 2 : section === 'external' ? 3 : 0;
  const field = problem.path.slice(skip);
  if (field.length === 0) return problem;
  return { ...problem, message: `${fieldLabel(field)}: ${problem.message}` };
}

function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function describe(error: ErrorObject): SchemaProblem | undefined {
  const path = pointerToPath(error.instancePath);
  const expected = (error.parentSchema as { 'x-expected'?: string } | undefined)?.['x-expected'];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      // The failing `then` branch reports its own errors.
      return undefined;
    case 'type': {
      const types = ([] as string[]).concat(params.type as string | string[]);
      return { path, target: 'value', message: `must be ${expected ?? types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}` };
    }
    case 'required':
      return { path, target: 'key', message: `missing required field "${String(params.missingProperty)}"` };
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const parent = error.parentSchema as { properties?: object; 'x-refused'?: Record<string, string> } | undefined;
      const refused = parent?.['x-refused']?.[field];
      if (refused !== undefined) return { path: [...path, field], target: 'key', message: `"${field}" is not allowed here: ${refused}` };
      const known = Object.keys(parent?.properties ?? {});
      return { path: [...path, field], target: 'key', message: `unknown field "${field}"${suggest(field, known)}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof error.data === 'string' ? suggest(error.data, allowed) : '';
      return { path, target: 'value', message: `must be one of ${allowed.join(', ')}${hint}` };
    }
    case 'const':
      return { path, target: 'value', message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern':
      return { path, target: 'value', message: `must be ${expected ?? `text matching ${String(params.pattern)}`}` };
    case 'minLength':
      return { path, target: 'value', message: params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long` };
    case 'maxLength':
      return { path, target: 'value', message: params.limit === 1 ? 'must be a single character' : `must be at most ${String(params.limit)} characters long` };
    case 'minimum':
      return { path, target: 'value', message: `must be ${String(params.limit)} or more` };
    case 'maximum':
      return { path, target: 'value', message: `must be ${String(params.limit)} or less` };
    case 'minItems':
      return { path, target: 'value', message: `must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'uniqueItems':
      return { path: [...path, Number(params.i)], target: 'value', message: `repeats item ${Number(params.j) + 1} of the list` };
    case 'propertyNames':
      return { path: [...path, String(params.propertyName)], target: 'key', message: 'names must not be empty' };
    default:
      return { path, target: 'value', message: error.message ?? `fails the schema rule "${error.keyword}"` };
  }
}

/** `(did you mean "ssl_mode"?)` for a near miss: one edit, or the same words in another case or order. */
function suggest(field: string, known: readonly string[]): string {
  const hit = closestMatch(field, known);
  return hit ? ` (did you mean "${hit}"?)` : '';
}
