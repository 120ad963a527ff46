import type {
  AlterConnectionStatement,
  AlterOwnerStatement,
  AlterSecretStatement,
  CommentStatement,
  ConnectionOption,
  CreateConnectionStatement,
  CreateContainerStatement,
  CreateSecretStatement,
  DropStatement,
  GenericOption,
  RenameStatement,
  StatementAst,
  ValidateConnectionStatement,
  Value,
} from '../../sql/ast.js';
import type { ConnectionItem, Item } from '../catalog/store.js';
import { MzError, SQLSTATE } from '../errors.js';
import type { Outcome, SessionVars } from '../session.js';
import type { ServerNotice } from '../wire/messages.js';
import { generateSshPublicKey } from '../ssh-keys.js';
import { FIXED_ROUTE_OPTIONS, INALTERABLE_KAFKA_OPTIONS, checkConnectionOptions, tunnelKey } from './connection-rules.js';
import type { DdlHost } from './host.js';
import { alreadyExistsNotice, fullName, itemTypeName, minimalName, requireItem, findItem, requireKind, targetSchema, writtenName } from './names.js';
import { Resolver } from './references.js';
import { alterSource, createSource } from './source.js';
import { validateConnection } from './validation.js';

const MAX_SECRET_BYTES = 512 * 1024;
const MAX_COMMENT_BYTES = 1024;

/** Executes Materialize DDL against the emulator's catalog and writes the changed rows. */
export class DdlExecutor {
  constructor(private readonly host: DdlHost) {}

  async execute(ast: StatementAst, vars: SessionVars): Promise<Outcome> {
    switch (ast.kind) {
      case 'create_secret':
        return this.createSecret(ast, vars);
      case 'alter_secret':
        return this.alterSecret(ast, vars);
      case 'create_connection':
        return this.createConnection(ast, vars);
      case 'alter_connection':
        return this.alterConnection(ast, vars);
      case 'create_source':
        return createSource(this.host, ast, vars);
      case 'alter_source':
        return alterSource(this.host, ast, vars);
      case 'rename':
        return this.rename(ast, vars);
      case 'alter_owner':
        return this.alterOwner(ast, vars);
      case 'drop':
        return this.drop(ast, vars);
      case 'comment':
        return this.comment(ast, vars);
      case 'validate_connection':
        return this.validate(ast, vars);
      case 'create_container':
        return this.createContainer(ast);
      case 'set_variable':
      case 'show':
        throw new MzError(`unexpected statement ${ast.kind}`);
    }
  }

  /** Refuses a name already taken in the schema, or returns the IF NOT EXISTS notice. */
  private checkFree(schemaId: string, name: string, ifNotExists: boolean, wording: 'typed' | 'catalog-item'): Outcome | undefined {
    const store = this.host.store;
    const existing = store.itemByName(schemaId, name);
    if (!existing) return undefined;
    if (ifNotExists) return { tag: '', notices: [alreadyExistsNotice(store, existing)] };
    if (wording === 'catalog-item') throw new MzError(`catalog item '${name}' already exists`);
    throw new MzError(`${itemTypeName(existing)} "${fullName(store, existing)}" already exists`);
  }

  private secretValue(v: Value): string {
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

  private async createSecret(ast: CreateSecretStatement, vars: SessionVars): Promise<Outcome> {
    const store = this.host.store;
    const { schema, itemName } = targetSchema(store, ast.name, vars);
    const taken = this.checkFree(schema.id, itemName, ast.ifNotExists, 'catalog-item');
    if (taken) return { ...taken, tag: 'CREATE SECRET' };
    const value = this.secretValue(ast.value);
    const id = store.allocateItemId();
    store.items.set(id, { kind: 'secret', id, oid: store.allocateOid(), schemaId: schema.id, name: itemName, ownerId: this.host.ownerId(vars), value });
    await this.host.writeItems([id]);
    return { tag: 'CREATE SECRET' };
  }

  private async alterSecret(ast: AlterSecretStatement, vars: SessionVars): Promise<Outcome> {
    const found = findItem(this.host.store, ast.name, vars);
    if (!found) return this.missing(ast.ifExists, 'secret', ast.name.parts.map((p) => p.value).join('.'), 'ALTER SECRET');
    const secret = requireKind(found, 'secret', ast.name);
    // Only the secret store changes: no catalog row, no audit event (materialize-semantics.md section 3).
    secret.value = this.secretValue(ast.value);
    return { tag: 'ALTER SECRET' };
  }

  private missing(ifExists: boolean, kind: string, name: string, tag: string): Outcome {
    if (!ifExists) throw new MzError(`unknown catalog item '${name}'`);
    return { tag, notices: [{ severity: 'NOTICE', code: SQLSTATE.undefinedObject, message: `${kind} "${name}" does not exist, skipping` }] };
  }

  private validateFlag(withOptions: readonly GenericOption[], type: CreateConnectionStatement['connectionType']): boolean {
    const option = withOptions.find((o) => o.name === 'VALIDATE');
    for (const o of withOptions) if (o.name !== 'VALIDATE') throw new MzError(`unexpected option ${o.name}`);
    if (!option) return type !== 'ssh-tunnel' && type !== 'aws-privatelink' && type !== 'aws';
    if (!option.value) return true;
    if (option.value.kind === 'boolean') return option.value.value;
    throw new MzError('VALIDATE must be a boolean');
  }

  private resolveOptions(options: readonly ConnectionOption[], vars: SessionVars): ConnectionOption[] {
    const resolver = new Resolver(this.host.store, vars);
    return options.map((o) => resolver.connectionOption(o));
  }

  private async createConnection(ast: CreateConnectionStatement, vars: SessionVars): Promise<Outcome> {
    const store = this.host.store;
    const { schema, itemName } = targetSchema(store, ast.name, vars);
    const taken = this.checkFree(schema.id, itemName, ast.ifNotExists, 'typed');
    if (taken) return { ...taken, tag: 'CREATE CONNECTION' };
    checkConnectionOptions(ast);
    const validate = this.validateFlag(ast.withOptions, ast.connectionType);
    const options = this.resolveOptions(ast.options, vars);
    const id = store.allocateItemId();
    const item: ConnectionItem = {
      kind: 'connection',
      id,
      oid: store.allocateOid(),
      schemaId: schema.id,
      name: itemName,
      ownerId: this.host.ownerId(vars),
      statement: { ...ast, ifNotExists: false, withOptions: [], options },
      ...(ast.connectionType === 'ssh-tunnel' ? { sshKeys: { key1: generateSshPublicKey(), key2: generateSshPublicKey(), rotated: false } } : {}),
    };
    if (validate) validateConnection(this.host, item);
    store.items.set(id, item);
    await this.host.writeItems([id]);
    return { tag: 'CREATE CONNECTION' };
  }

  private async alterConnection(ast: AlterConnectionStatement, vars: SessionVars): Promise<Outcome> {
    const store = this.host.store;
    const found = findItem(store, ast.name, vars);
    if (!found) return this.missing(ast.ifExists, 'connection', writtenName(ast.name), 'ALTER CONNECTION');
    const item = requireKind(found, 'connection', ast.name);
    if (ast.action === 'rotate-keys') {
      if (!item.sshKeys) throw new MzError(`${fullName(store, item)} is not an SSH connection`);
      item.sshKeys = { key1: item.sshKeys.key2, key2: generateSshPublicKey(), rotated: true };
      await this.host.writeItems([item.id]);
      return { tag: 'ALTER CONNECTION' };
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
    const resolved = this.resolveOptions([...set.values()], vars);
    const replaced = new Set([...set.keys(), ...reset]);
    if (type === 'kafka' && (set.has('BROKER') || set.has('BROKERS'))) {
      replaced.add('BROKER');
      replaced.add('BROKERS');
    }
    const options = [...item.statement.options.filter((o) => !replaced.has(o.name)), ...resolved];
    const statement: CreateConnectionStatement = { ...item.statement, options };
    try {
      checkConnectionOptions(statement);
    } catch (err) {
      if (err instanceof MzError) throw new MzError(`invalid ALTER CONNECTION: ${err.message}`);
      throw err;
    }
    if (FIXED_ROUTE_OPTIONS[type] && tunnelKey(options) !== tunnelKey(item.statement.options)) {
      throw new MzError(`${item.id} cannot be altered in the requested way`);
    }
    const altered: ConnectionItem = { ...item, statement };
    if (this.validateFlag(ast.withOptions, type)) validateConnection(this.host, altered);
    item.statement = statement;
    await this.host.writeItems([item.id]);
    return { tag: 'ALTER CONNECTION' };
  }

  private async rename(ast: RenameStatement, vars: SessionVars): Promise<Outcome> {
    const store = this.host.store;
    const tag = `ALTER ${ast.objectKind.toUpperCase()}`;
    const found = findItem(store, ast.name, vars);
    if (!found) return this.missing(ast.ifExists, ast.objectKind, writtenName(ast.name), tag);
    const item = requireKind(found, ast.objectKind, ast.name);
    const newName = ast.newName.value;
    if (store.itemByName(item.schemaId, newName)) throw new MzError(`catalog item '${newName}' already exists`);
    store.items.rename(item, newName);
    // Every dependent's create_sql names this item: rewrite them too.
    await this.host.writeItems([item.id, ...this.host.dependentsOf(item.id)]);
    return { tag };
  }

  private async alterOwner(ast: AlterOwnerStatement, vars: SessionVars): Promise<Outcome> {
    const store = this.host.store;
    const tag = `ALTER ${ast.objectKind.toUpperCase()}`;
    const found = findItem(store, ast.name, vars);
    if (!found) return this.missing(ast.ifExists, ast.objectKind, writtenName(ast.name), tag);
    const item = requireKind(found, ast.objectKind, ast.name);
    const role = store.roleByName(ast.role.value);
    if (!role) throw new MzError(`unknown role '${ast.role.value}'`);
    const changed: Item[] = [item, ...this.host.ownedBy(item.id)];
    for (const i of changed) i.ownerId = role.id;
    await this.host.writeItems(changed.map((i) => i.id));
    return { tag };
  }

  private async drop(ast: DropStatement, vars: SessionVars): Promise<Outcome> {
    const store = this.host.store;
    const tag = `DROP ${ast.objectKind.toUpperCase()}`;
    const notices: ServerNotice[] = [];
    const targets: Item[] = [];
    for (const name of ast.names) {
      const found = findItem(store, name, vars);
      if (!found) {
        if (!ast.ifExists) throw new MzError(`unknown catalog item '${writtenName(name)}'`);
        notices.push({ severity: 'NOTICE', code: SQLSTATE.undefinedObject, message: `${ast.objectKind} "${writtenName(name)}" does not exist, skipping` });
        continue;
      }
      const item = requireKind(found, ast.objectKind, name);
      if (item.kind === 'source' && item.type === 'progress') {
        throw new MzError(`cannot drop progress collection ${fullName(store, item)}`);
      }
      targets.push(item);
    }
    const dropped = new Set<string>();
    const cascade = ast.behavior === 'CASCADE';
    for (const item of targets) {
      const dependents = this.host.transitiveDependents(item.id).filter((id) => !targets.some((t) => t.id === id));
      if (dependents.length > 0 && !cascade) {
        const first = store.items.get(dependents[0]!)!;
        throw new MzError(
          `cannot drop ${itemTypeName(item)} "${minimalName(store, item, vars)}": still depended upon by ${itemTypeName(first)} "${minimalName(store, first, vars)}"`,
          { hint: 'Use DROP ... CASCADE to drop the dependent objects too.' },
        );
      }
      for (const id of dependents) dropped.add(id);
    }
    const cascaded = dropped.size;
    for (const item of targets) dropped.add(item.id);
    for (const id of [...dropped]) for (const owned of this.host.ownedBy(id)) dropped.add(owned.id);
    if (cascade && cascaded > 0) notices.push({ severity: 'NOTICE', code: '00000', message: `drop cascades to ${cascaded} other object${cascaded === 1 ? '' : 's'}` });
    for (const id of dropped) store.items.delete(id);
    await this.host.writeItems(dropped);
    return { tag, notices };
  }

  private async comment(ast: CommentStatement, vars: SessionVars): Promise<Outcome> {
    const item = requireKind(requireItem(this.host.store, ast.name, vars), ast.objectKind, ast.name);
    if (ast.comment !== null) {
      const bytes = Buffer.byteLength(ast.comment);
      if (bytes > MAX_COMMENT_BYTES) throw new MzError(`provided comment was ${bytes} bytes long, max size is ${MAX_COMMENT_BYTES} bytes`);
      item.comment = ast.comment;
    } else delete item.comment;
    await this.host.writeItems([item.id]);
    return { tag: 'COMMENT' };
  }

  private async validate(ast: ValidateConnectionStatement, vars: SessionVars): Promise<Outcome> {
    const item = requireItem(this.host.store, ast.name, vars);
    if (item.kind !== 'connection') throw new MzError(`cannot validate ${itemTypeName(item)} '${fullName(this.host.store, item)}'`);
    validateConnection(this.host, item);
    return { tag: 'VALIDATE CONNECTION' };
  }

  private async createContainer(ast: CreateContainerStatement): Promise<Outcome> {
    const store = this.host.store;
    const parts = ast.name.parts.map((p) => p.value);
    const name = parts[parts.length - 1]!;
    const tag = `CREATE ${ast.objectKind.toUpperCase()}`;
    const exists = (what: string): Outcome => {
      if (ast.ifNotExists) return { tag, notices: [{ severity: 'NOTICE', code: SQLSTATE.duplicateObject, message: `${what} '${name}' already exists, skipping` }] };
      throw new MzError(`${what} '${name}' already exists`);
    };
    switch (ast.objectKind) {
      case 'database': {
        if (store.databaseByName(name)) return exists('database');
        const id = `u${store.nextDatabaseId++}`;
        store.databases.set(id, { id, oid: store.allocateOid(), name, ownerId: 'u1' });
        const schemaId = `u${store.nextSchemaId++}`;
        store.schemas.set(schemaId, { id: schemaId, oid: store.allocateOid(), databaseId: id, name: 'public', ownerId: 'u1' });
        break;
      }
      case 'schema': {
        const databaseName = parts.length === 2 ? parts[0]! : 'materialize';
        const database = store.databaseByName(databaseName);
        if (!database) throw new MzError(`unknown database '${databaseName}'`);
        if (store.schemaByName(database.id, name)) return exists('schema');
        const id = `u${store.nextSchemaId++}`;
        store.schemas.set(id, { id, oid: store.allocateOid(), databaseId: database.id, name, ownerId: 'u1' });
        break;
      }
      case 'cluster': {
        if (store.clusterByName(name)) return exists('cluster');
        const size = ast.options.find((o) => o.name === 'SIZE')?.value;
        const replication = ast.options.find((o) => o.name === 'REPLICATION FACTOR')?.value;
        const id = `u${store.nextClusterId++}`;
        store.clusters.set(id, {
          id,
          name,
          ownerId: 'u1',
          managed: true,
          size: size?.kind === 'string' ? size.value : size?.kind === 'number' ? size.text : '25cc',
          replicationFactor: replication?.kind === 'number' ? Number(replication.text) : 1,
        });
        break;
      }
      case 'role': {
        if (store.roleByName(name)) return exists('role');
        const id = `u${store.nextRoleId++}`;
        store.roles.set(id, { id, oid: store.allocateOid(), name });
        break;
      }
    }
    await this.host.writeContainers();
    return { tag };
  }
}

export type { DdlHost };
