import { loadActual, loadDesired } from '../pipeline/index.js';
import { nameKey } from '../model/index.js';
import { collectOutputs, validateConnections } from './outputs.js';
import type { ObjectOutput, ValidationResult } from './report.js';
import { type TargetOptions, openApplyTarget } from './target-connection.js';

export interface OutputsOptions extends TargetOptions {
  readonly file: string | readonly string[];
  readonly environment?: string;
  /** Also run VALIDATE CONNECTION on every connection of the manifest that exists. */
  readonly validate?: boolean;
}

export interface OutputsResult {
  readonly outputs: readonly ObjectOutput[];
  readonly validations?: readonly ValidationResult[];
}

/**
 * `mzform outputs`: the outputs of the manifest's objects as the catalog has
 * them now, read-only (VALIDATE CONNECTION changes nothing either). The
 * second half of the two-phase flow: configure the far side, then validate.
 */
export async function runOutputs(options: OutputsOptions): Promise<OutputsResult> {
  // Outputs neither set nor compare secret values: it runs without the secret variables.
  const desired = await loadDesired(options.file, options.env, { environment: options.environment, secretValues: 'if-available' });
  const declared = new Set(desired.objects.map((o) => nameKey(o.name)));
  const target = await openApplyTarget(options);
  try {
    const db = await target.connect();
    try {
      const actual = await loadActual(db, desired);
      const outputs = collectOutputs(actual, (n) => declared.has(nameKey(n)));
      if (!options.validate) return { outputs };
      const connections = actual.objects.filter((o) => o.object.kind === 'connection' && declared.has(nameKey(o.object.name))).map((o) => o.object.name);
      return { outputs, validations: await validateConnections(db, connections) };
    } finally {
      await db.close();
    }
  } finally {
    await target.close();
  }
}
