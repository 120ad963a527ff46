import type { ObjectName, TextOrSecret } from '../model/index.js';
import type { RefDoc, SecretRefDoc, TextOrSecretDoc } from './manifest-document.js';
import type { DocPath } from './yaml-document.js';

/** The database and schema that unqualified names resolve to. */
export interface NameDefaults {
  readonly database: string;
  readonly schema: string;
}

/** A problem found while reading one object, located by document path. */
export interface ObjectProblem {
  readonly path: DocPath;
  readonly target: 'key' | 'value';
  readonly message: string;
}

/** Where in the document a model field's reference was written, for messages about it. */
export interface ReferenceSite {
  readonly path: DocPath;
  /** The field as the user wrote it, e.g. `brokers[1].aws_privatelink`. */
  readonly label: string;
}

/**
 * What the converters of one object share: its place in the document, the
 * name defaults, and where problems and references are recorded. References
 * resolve against the file's defaults, never against the referring object's
 * own database and schema: one rule, the same as a SQL session's.
 */
export class ObjectContext {
  readonly problems: ObjectProblem[] = [];
  /** By model field (`Reference.field` of src/model/references.ts). */
  readonly referenceSites = new Map<string, ReferenceSite>();

  constructor(
    /** Path of the object's mapping, e.g. `['connections', 'kafka']`. */
    readonly base: DocPath,
    readonly defaults: NameDefaults,
  ) {}

  /** Resolve a reference written at `at` (relative to the object) for the model field `field`. */
  reference(value: RefDoc, at: DocPath, field: string): ObjectName {
    this.referenceSites.set(field, { path: [...this.base, ...at], label: fieldLabel(at) });
    return resolveReference(value, this.defaults);
  }

  secret(value: SecretRefDoc, at: DocPath, field: string): ObjectName {
    return this.reference(value.secret, [...at, 'secret'], field);
  }

  textOrSecret(value: TextOrSecretDoc, at: DocPath, field: string): TextOrSecret {
    return typeof value === 'string'
      ? { kind: 'text', value }
      : { kind: 'secret', secret: this.secret(value, at, field) };
  }

  problem(at: DocPath, message: string, target: 'key' | 'value' = 'key'): void {
    this.problems.push({ path: [...this.base, ...at], target, message });
  }
}

export function resolveReference(value: RefDoc, defaults: NameDefaults): ObjectName {
  if (typeof value === 'string') return { database: defaults.database, schema: defaults.schema, name: value };
  return { database: value.database_name ?? defaults.database, schema: value.schema_name ?? defaults.schema, name: value.name };
}

/** `['brokers', 1, 'ssh_tunnel']` → `brokers[1].ssh_tunnel`. */
export function fieldLabel(path: DocPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
