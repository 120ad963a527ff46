import type { AlterSecretStatement, CreateSecretStatement, Value } from '../../sql/ast.js';
import { MzError } from '../errors.js';
import { checkNameFree, findItem, missingObject, requireKind, sessionRoleId, targetSchema, writtenName } from './names.js';
import { noChange, type Plan, type PlanContext } from './plan.js';

const MAX_SECRET_BYTES = 512 * 1024;

/** The value of `AS ...`: a string or `decode(...)`, as text. */
function secretValue(v: Value): string {
  let text: string;
  if (v.kind === 'string') text = v.value;
  else if (v.kind === 'parameter') throw new MzError(`there is no parameter ${v.text}`, { sqlstate: '42P02' });
  else if (v.kind === 'null') throw new MzError('secret value can not be null');
  else if (v.kind === 'call' && v.function.parts.map((p) => p.value).join('.') === 'decode') {
    const [data, encoding] = v.args;
    if (data?.kind !== 'string' || encoding?.kind !== 'string') throw new MzError('AS must have type bytea, not type text');
    const bytes = Buffer.from(data.value, encoding.value === 'hex' ? 'hex' : encoding.value === 'escape' ? 'latin1' : 'base64');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } else throw new MzError('AS must have type bytea, not type text');
  if (Buffer.byteLength(text) > MAX_SECRET_BYTES) throw new MzError('secrets can not be bigger than 512KiB');
  return text;
}

export function planCreateSecret(ctx: PlanContext, ast: CreateSecretStatement): Plan {
  const { store } = ctx;
  const { schema, itemName } = targetSchema(store, ast.name, ctx.vars);
  const taken = checkNameFree(store, schema.id, itemName, ast.ifNotExists, 'catalog-item');
  if (taken) return noChange('CREATE SECRET', [taken]);
  const value = secretValue(ast.value);
  const id = store.allocateItemId();
  const item = { kind: 'secret' as const, id, oid: store.allocateOid(), schemaId: schema.id, name: itemName, ownerId: sessionRoleId(store, ctx.vars), value };
  return { tag: 'CREATE SECRET', ops: [{ kind: 'create-item', item }] };
}

export function planAlterSecret(ctx: PlanContext, ast: AlterSecretStatement): Plan {
  const found = findItem(ctx.store, ast.name, ctx.vars);
  if (!found) return noChange('ALTER SECRET', [missingObject(ast.ifExists, 'secret', writtenName(ast.name))]);
  const secret = requireKind(found, 'secret', ast.name);
  // Only the secret store changes: the catalog rows come out the same.
  return { tag: 'ALTER SECRET', ops: [{ kind: 'update-item', item: { ...secret, value: secretValue(ast.value) } }] };
}
