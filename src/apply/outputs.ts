import { type Database, redact } from '../db/index.js';
import { type ActualState, type ObjectName, compareNames } from '../model/index.js';
import { executableSql, renderValidateConnection } from '../sql/index.js';
import type { ObjectOutput, ValidationResult } from './report.js';

/**
 * What users configure outside Materialize, from the catalog: each SSH
 * tunnel's public keys (the bastion's authorized_keys), each PrivateLink
 * connection's principal (the endpoint service's allowed principals), each
 * AWS connection's external id (the IAM role's trust policy). Pure, sorted
 * by name.
 */
export function collectOutputs(actual: ActualState, include: (name: ObjectName) => boolean): ObjectOutput[] {
  const outputs: ObjectOutput[] = [];
  for (const o of actual.objects) {
    if (o.object.kind !== 'connection' || !include(o.object.name)) continue;
    const type = o.object.spec.type;
    if (type !== 'ssh-tunnel' && type !== 'aws-privatelink' && type !== 'aws') continue;
    // With access keys there is no role to trust Materialize: nothing to configure, so no output.
    if (type === 'aws' && o.outputs.externalId === undefined) continue;
    outputs.push({
      name: o.object.name,
      type,
      ...(o.outputs.publicKeys ? { publicKeys: o.outputs.publicKeys } : {}),
      ...(o.outputs.principal !== undefined ? { principal: o.outputs.principal } : {}),
      ...(o.outputs.externalId !== undefined ? { externalId: o.outputs.externalId } : {}),
    });
  }
  return outputs.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * `VALIDATE CONNECTION` for each name, one round trip each. A failure is a
 * result, not an error: the connection exists, the far side is not ready yet.
 */
export async function validateConnections(db: Database, names: readonly ObjectName[], secrets: readonly string[] = []): Promise<ValidationResult[]> {
  const results: ValidationResult[] = [];
  for (const name of [...names].sort(compareNames)) {
    try {
      await db.execute(executableSql(renderValidateConnection(name)), secrets);
      results.push({ name, ok: true });
    } catch (err) {
      results.push({ name, ok: false, message: redact(err instanceof Error ? err.message : String(err), secrets) });
    }
  }
  return results;
}
