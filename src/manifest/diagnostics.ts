import { InputError } from '../errors.js';

/** One problem in a manifest, where it was written and which object it belongs to. */
export interface Diagnostic {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** The object the problem belongs to, e.g. `connection kafka_connection`; absent for file-level problems. */
  readonly object?: string;
  /** Never holds a secret value: messages are built from the schema, key names and object names only. */
  readonly message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.object ? `${d.object}: ` : ''}${d.message}`;
}

/** By position, then message, so that output is the same however the checks ran. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.object ?? '', b.object ?? '') || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The manifest is invalid. Carries every problem found, sorted by position; nothing was touched. */
export class ManifestError extends InputError {
  readonly diagnostics: readonly Diagnostic[];

  constructor(file: string, diagnostics: readonly Diagnostic[]) {
    const sorted = [...diagnostics].sort(compareDiagnostics);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super('manifest.invalid', [`${file} is not a valid manifest (${count}):`, ...sorted.map(formatDiagnostic)].join('\n'));
    this.diagnostics = sorted;
  }

  /** The `--json` form: the diagnostics as data. */
  jsonDetails(): Record<string, unknown> {
    return { diagnostics: this.diagnostics.map((d) => ({ ...d })) };
  }
}

/** `secret kafka_password`, `connection "my.conn"`: the name quoted only when it needs it. */
export function objectLabel(kind: 'secret' | 'connection' | 'source' | 'table', name: string): string {
  return `${kind} ${/^[A-Za-z_][A-Za-z0-9_$-]*$/.test(name) ? name : JSON.stringify(name)}`;
}
