import type { AlterConnectionStatement, ConnectionOption, CreateConnectionStatement, GenericOption } from '../../sql/ast.js';
import type { ConnectionItem } from '../catalog/store.js';
import { MzError, SQLSTATE } from '../errors.js';
import { generateSshPublicKey } from '../ssh-keys.js';
import { FIXED_ROUTE_OPTIONS, INALTERABLE_KAFKA_OPTIONS, checkBrokerZones, checkConnectionOptions, tunnelKey } from './connection-rules.js';
import { checkNameFree, findItem, fullName, missingObject, requireKind, sessionRoleId, targetSchema, writtenName } from './names.js';
import { noChange, type Plan, type PlanContext } from './plan.js';
import { Resolver } from './references.js';
import { validateConnection } from './validation.js';

/** `WITH (VALIDATE [= b])`: whether to validate; SSH, PrivateLink and AWS connections do not by default. */
function validateFlag(withOptions: readonly GenericOption[], type: CreateConnectionStatement['connectionType']): boolean {
  const option = withOptions.find((o) => o.name === 'VALIDATE');
  for (const o of withOptions) if (o.name !== 'VALIDATE') throw new MzError(`unexpected option ${o.name}`);
  if (!option) return type !== 'ssh-tunnel' && type !== 'aws-privatelink' && type !== 'aws';
  if (!option.value) return true;
  if (option.value.kind === 'boolean') return option.value.value;
  throw new MzError('VALIDATE must be a boolean');
}

function resolveOptions(ctx: PlanContext, options: readonly ConnectionOption[]): ConnectionOption[] {
  const resolver = new Resolver(ctx.store, ctx.vars);
  return options.map((o) => resolver.connectionOption(o));
}

/** A PrivateLink connection's zones and full name, for the broker zone check. */
function privatelinkZones(ctx: PlanContext, id: string): { zones: string[]; name: string } | undefined {
  const item = ctx.store.items.get(id);
  if (item?.kind !== 'connection' || item.statement.connectionType !== 'aws-privatelink') return undefined;
  const zones = item.statement.options.find((o) => o.name === 'AVAILABILITY ZONES');
  const list = zones?.value.kind === 'value' && zones.value.value.kind === 'list' ? zones.value.value.items : [];
  return { zones: list.flatMap((v) => (v.kind === 'string' ? [v.value] : [])), name: fullName(ctx.store, item) };
}

export function planCreateConnection(ctx: PlanContext, ast: CreateConnectionStatement): Plan {
  const { store } = ctx;
  const { schema, itemName } = targetSchema(store, ast.name, ctx.vars);
  const taken = checkNameFree(store, schema.id, itemName, ast.ifNotExists, 'typed');
  if (taken) return noChange('CREATE CONNECTION', [taken]);
  checkConnectionOptions(ast, ctx.systemVars);
  const validate = validateFlag(ast.withOptions, ast.connectionType);
  const options = resolveOptions(ctx, ast.options);
  checkBrokerZones(options, (id) => privatelinkZones(ctx, id));
  const id = store.allocateItemId();
  const item: ConnectionItem = {
    kind: 'connection',
    id,
    oid: store.allocateOid(),
    schemaId: schema.id,
    name: itemName,
    ownerId: sessionRoleId(store, ctx.vars),
    statement: { ...ast, ifNotExists: false, withOptions: [], options },
    ...(ast.connectionType === 'ssh-tunnel' ? { sshKeys: { key1: generateSshPublicKey(), key2: generateSshPublicKey(), rotated: false } } : {}),
  };
  if (validate) validateConnection(ctx, item);
  return { tag: 'CREATE CONNECTION', ops: [{ kind: 'create-item', item }] };
}

export function planAlterConnection(ctx: PlanContext, ast: AlterConnectionStatement): Plan {
  const { store } = ctx;
  const found = findItem(store, ast.name, ctx.vars);
  if (!found) return noChange('ALTER CONNECTION', [missingObject(ast.ifExists, 'connection', writtenName(ast.name))]);
  const item = requireKind(found, 'connection', ast.name);
  if (ast.action === 'rotate-keys') {
    if (!item.sshKeys) throw new MzError(`${fullName(store, item)} is not an SSH connection`);
    const sshKeys = { key1: item.sshKeys.key2, key2: generateSshPublicKey(), rotated: true };
    return { tag: 'ALTER CONNECTION', ops: [{ kind: 'update-item', item: { ...item, sshKeys } }] };
  }
  const type = item.statement.connectionType;
  const set = new Map<string, ConnectionOption>();
  const reset = new Set<string>();
  for (const action of ast.actions) {
    const name = action.kind === 'set' ? action.option.name : action.option;
    if (type === 'kafka' && INALTERABLE_KAFKA_OPTIONS.includes(name)) throw new MzError(`cannot ALTER KAFKA option ${name}`);
    if (name === 'PUBLIC KEY 1' || name === 'PUBLIC KEY 2') throw new MzError(`the ${name} option cannot be explicitly specified`);
    if (action.kind === 'set') {
      if (set.has(name)) throw new MzError(`${name} specified more than once`);
      set.set(name, action.option);
    } else reset.add(name);
  }
  for (const name of set.keys()) if (reset.has(name)) throw new MzError(`cannot both SET and DROP/RESET options ${name}`);
  if (type === 'kafka') {
    const brokerSet = set.has('BROKER') || set.has('BROKERS');
    const brokerReset = reset.has('BROKER') || reset.has('BROKERS');
    if (brokerSet && brokerReset) throw new MzError('cannot both SET and DROP/RESET mutually exclusive KAFKA options BROKER, BROKERS');
    if (set.has('BROKER') && set.has('BROKERS')) throw new MzError('can only set one of BROKER, BROKERS, or AWS PRIVATELINK');
  }
  const resolved = resolveOptions(ctx, [...set.values()]);
  const replaced = new Set([...set.keys(), ...reset]);
  if (type === 'kafka' && (set.has('BROKER') || set.has('BROKERS'))) {
    replaced.add('BROKER');
    replaced.add('BROKERS');
  }
  const options = [...item.statement.options.filter((o) => !replaced.has(o.name)), ...resolved];
  const statement: CreateConnectionStatement = { ...item.statement, options };
  try {
    checkConnectionOptions(statement, ctx.systemVars);
  } catch (err) {
    // The coordinator re-plans the amended CREATE and wraps its error: AdapterError::InvalidAlter, which keeps
    // the plan error's detail and hint and is 0A000 (src/adapter/src/coord/sequencer/inner.rs:3558; src/adapter/src/error.rs:376, 541, 703, 1067).
    if (err instanceof MzError) {
      throw new MzError(`invalid ALTER CONNECTION: ${err.message}`, {
        sqlstate: SQLSTATE.featureNotSupported,
        ...(err.detail !== undefined ? { detail: err.detail } : {}),
        ...(err.hint !== undefined ? { hint: err.hint } : {}),
      });
    }
    throw err;
  }
  if (FIXED_ROUTE_OPTIONS[type] && tunnelKey(options) !== tunnelKey(item.statement.options)) {
    throw new MzError(`${item.id} cannot be altered in the requested way`);
  }
  const altered: ConnectionItem = { ...item, statement };
  if (validateFlag(ast.withOptions, type)) validateConnection(ctx, altered);
  return { tag: 'ALTER CONNECTION', ops: [{ kind: 'update-item', item: altered }] };
}
