import type { ValueResolver } from './value-resolver.js';
import type { VariableDefinition, Variables } from './variables.js';
import type { DocPath } from './yaml-document.js';

/**
 * `${env:NAME}`, `${file:path}` and `${var:name}` in any string field of the
 * manifest (`$${` is a literal `${`). Substitution happens on the document,
 * before the JSON Schema, so every converter and check sees the values, and a
 * field that is exactly `${var:name}` takes the variable's value with its type
 * (a port, a broker list).
 *
 * Secret and clear values are kept apart. A secret's `value` only selects
 * where the value comes from (`${env:...}`, `${file:...}`, or a variable
 * holding one of those) and is resolved into a SecretValue later, never into
 * text. Every other field is stored by Materialize in clear and shown in
 * plans, so a variable or file that a secret reads cannot be used there.
 */

export interface SubstitutionProblem {
  readonly path: DocPath;
  readonly message: string;
}

/** What secrets read: clear fields must not read the same. */
export interface SecretReads {
  /** Environment variable → the secret that reads it. */
  readonly env: ReadonlyMap<string, string>;
  /** Absolute file path → the secret that reads it. */
  readonly files: ReadonlyMap<string, string>;
}

export interface SubstitutionContext {
  readonly resolver: ValueResolver;
  /** The resolver of the file a variable was declared in: its `${file:...}` are relative to that file. */
  readonly resolverOf: (unit: number) => ValueResolver;
  readonly variables: Variables;
  readonly secretReads: SecretReads;
  /** `staging.yaml:12`, for messages about a variable's value. */
  readonly describe: (definition: VariableDefinition) => string;
}

/** Top-level sections that hold values as written: variables (and `x-` blocks shared through `<<: *anchor`) are substituted where they are used. */
const RAW_SECTIONS = new Set(['variables', 'environments']);

type Part = { readonly literal: string } | { readonly kind: 'env' | 'file' | 'var'; readonly arg: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits a string into literal text and references; undefined parts when there is nothing to substitute. */
export function parseTemplate(text: string): { parts: Part[] } | { problem: string } {
  const parts: Part[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      literal += text.slice(i);
      break;
    }
    literal += text.slice(i, dollar);
    if (text.startsWith('$${', dollar)) {
      literal += '${';
      i = dollar + 3;
      continue;
    }
    if (!text.startsWith('${', dollar)) {
      literal += '$';
      i = dollar + 1;
      continue;
    }
    const close = text.indexOf('}', dollar + 2);
    if (close < 0) return { problem: '"${" is not closed with "}" (write $${ for a literal ${)' };
    const body = text.slice(dollar + 2, close);
    const match = /^(env|file|var):(.+)$/s.exec(body);
    if (!match) return { problem: `unknown reference \${${body}}: use \${env:NAME}, \${file:path} or \${var:name} (write $\${ for a literal \${)` };
    const kind = match[1] as 'env' | 'file' | 'var';
    const arg = match[2]!;
    if (kind !== 'file' && !NAME.test(arg)) return { problem: `\${${body}}: ${kind === 'env' ? 'an environment variable' : 'a variable'} name is letters, digits and _, not starting with a digit` };
    if (literal !== '') parts.push({ literal });
    literal = '';
    parts.push({ kind, arg });
    i = close + 1;
  }
  if (literal !== '' || parts.length === 0) parts.push({ literal });
  return { parts };
}

/**
 * A secret's `value` with `${var:name}` replaced by the variable's text as
 * written (for example `${env:PROD_KAFKA_PASSWORD}`): which source a secret
 * reads may differ per environment; the value itself is read later.
 */
export function expandSecretReference(written: unknown, variables: Variables): { value: unknown } | { problem: string } {
  if (typeof written !== 'string') return { value: written };
  const match = /^\$\{var:(.*)\}$/s.exec(written);
  if (!match) return { value: written };
  const definition = variables.lookup(match[1]!);
  if (!definition) return { problem: unknownVariable(match[1]!, variables) };
  if (typeof definition.value !== 'string') return { problem: `\${var:${match[1]!}} must hold text such as \${env:NAME} or \${file:path} to be a secret's value` };
  return { value: definition.value };
}

/** The manifest value of one file with every reference outside secret values substituted. */
export function substituteDocument(value: unknown, context: SubstitutionContext, problems: SubstitutionProblem[]): unknown {
  if (!isMapping(value)) return value;
  const variableValues = new Map<string, { value: unknown } | { problem: string }>();
  const state: WalkState = { context, problems, variableValues };
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = RAW_SECTIONS.has(key) || key.startsWith('x-') ? child : key === 'secrets' ? substituteSecrets(child, state) : walk(child, [key], state);
  }
  return out;
}

interface WalkState {
  readonly context: SubstitutionContext;
  readonly problems: SubstitutionProblem[];
  readonly variableValues: Map<string, { value: unknown } | { problem: string }>;
}

function substituteSecrets(section: unknown, state: WalkState): unknown {
  if (!isMapping(section)) return walk(section, ['secrets'], state);
  const out: Record<string, unknown> = {};
  for (const [name, secret] of Object.entries(section)) {
    if (!isMapping(secret)) {
      out[name] = walk(secret, ['secrets', name], state);
      continue;
    }
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(secret)) {
      if (key !== 'value') {
        copy[key] = walk(child, ['secrets', name, key], state);
        continue;
      }
      const expanded = expandSecretReference(child, state.context.variables);
      if ('problem' in expanded) {
        state.problems.push({ path: ['secrets', name, 'value'], message: expanded.problem });
        copy[key] = child;
      } else {
        copy[key] = expanded.value;
      }
    }
    out[name] = copy;
  }
  return out;
}

/**
 * `path` is where `value` sits; the walk extends and restores it, and copies it only for a problem.
 * A list or mapping in which nothing is substituted is returned as it is (the document is only
 * read afterwards); one in which something is, is copied with the new values.
 */
function walk(value: unknown, path: (string | number)[], state: WalkState): unknown {
  if (typeof value === 'string') {
    if (!value.includes('$')) return value;
    const result = substituteString(value, state.context.resolver, state, true);
    if ('problem' in result) {
      state.problems.push({ path: [...path], message: result.problem });
      return value;
    }
    return result.value;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const v = walk(value[i], path, state);
      path.pop();
      if (out === undefined && v !== value[i]) out = value.slice(0, i);
      out?.push(v);
    }
    return out ?? value;
  }
  if (isMapping(value)) {
    const keys = Object.keys(value);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      path.push(k);
      const v = walk(value[k], path, state);
      path.pop();
      // A `__proto__` key is assigned, as it always was: that sets the copy's prototype instead of adding a field.
      if (out === undefined && (v !== value[k] || k === '__proto__')) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = value[keys[j]!];
      }
      if (out !== undefined) out[k] = v;
    }
    return out ?? value;
  }
  return value;
}

/** One string → its value. `allowVariables` is false inside a variable's own value (no chains to follow). */
function substituteString(text: string, resolver: ValueResolver, state: WalkState, allowVariables: boolean): { value: unknown } | { problem: string } {
  const parsed = parseTemplate(text);
  if ('problem' in parsed) return parsed;
  const { parts } = parsed;
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only && 'kind' in only && only.kind === 'var' && allowVariables) return variableValue(only.arg, state);
  let out = '';
  for (const part of parts) {
    if ('literal' in part) {
      out += part.literal;
      continue;
    }
    if (part.kind === 'var') {
      if (!allowVariables) return { problem: `\${var:${part.arg}}: a variable's value cannot refer to another variable` };
      const resolved = variableValue(part.arg, state);
      if ('problem' in resolved) return resolved;
      if (typeof resolved.value !== 'string' && typeof resolved.value !== 'number' && typeof resolved.value !== 'boolean') {
        return { problem: `\${var:${part.arg}} holds a list or mapping: it can only be the whole value of a field, not part of a text` };
      }
      out += String(resolved.value);
      continue;
    }
    const clash = clearUseOfSecret(part as { kind: 'env' | 'file'; arg: string }, resolver, state.context.secretReads);
    if (clash) return { problem: clash };
    const resolved = part.kind === 'env' ? resolver.env(part.arg) : resolver.file(part.arg);
    if ('problem' in resolved) return resolved;
    out += resolved.value;
  }
  return { value: out };
}

function variableValue(name: string, state: WalkState): { value: unknown } | { problem: string } {
  const cached = state.variableValues.get(name);
  if (cached) return cached;
  const definition = state.context.variables.lookup(name);
  let result: { value: unknown } | { problem: string };
  if (!definition) {
    result = { problem: unknownVariable(name, state.context.variables) };
  } else {
    const resolver = state.context.resolverOf(definition.unit);
    const inner: SubstitutionProblem[] = [];
    const value = resolveDeep(definition.value, resolver, state, inner);
    result = inner.length > 0 ? { problem: `\${var:${name}} (${state.context.describe(definition)}): ${inner[0]!.message}` } : { value };
  }
  state.variableValues.set(name, result);
  return result;
}

function resolveDeep(value: unknown, resolver: ValueResolver, state: WalkState, problems: SubstitutionProblem[]): unknown {
  if (typeof value === 'string') {
    if (!value.includes('$')) return value;
    const result = substituteString(value, resolver, state, false);
    if ('problem' in result) {
      problems.push({ path: [], message: result.problem });
      return value;
    }
    return result.value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, resolver, state, problems));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, resolver, state, problems)]));
  return value;
}

function clearUseOfSecret(part: { kind: 'env' | 'file'; arg: string }, resolver: ValueResolver, reads: SecretReads): string | undefined {
  const secret = part.kind === 'env' ? reads.env.get(part.arg) : reads.files.get(resolver.filePath(part.arg));
  if (secret === undefined) return undefined;
  const what = part.kind === 'env' ? `environment variable ${part.arg}` : `file ${part.arg}`;
  return `${what} holds the value of ${secret}: it cannot also be written in a field that Materialize stores in clear and plans show (use {secret: ...} where the option takes one)`;
}

function unknownVariable(name: string, variables: Variables): string {
  const where = variables.selected !== undefined ? ` for environment ${variables.selected}` : '';
  return `variable ${name} is not declared${where} (declare it under variables: or environments.<name>.variables:)`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
