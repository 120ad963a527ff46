import type {
  BrokerTunnel,
  ConnectionOption,
  ConnectionTypeName,
  CreateSourceFormat,
  FormatSpec,
  ItemName,
  KafkaBroker,
  Value,
} from '../../sql/ast.js';
import type { CatalogStore, Item } from '../catalog/store.js';
import { MzError } from '../errors.js';
import { CONNECTION_TYPE_WORDS } from '../connection-types.js';
import type { SessionVars } from '../outcome.js';
import { requireItem, resolvedName, writtenName } from './names.js';

/**
 * Resolves every name a statement refers to into `[id AS name]` form,
 * checking each is the kind of object its place needs: Materialize's
 * "x is not an SSH connection" and friends.
 */
export class Resolver {
  constructor(
    private readonly store: CatalogStore,
    private readonly vars: SessionVars,
  ) {}

  secret(name: ItemName): ItemName {
    const item = requireItem(this.store, name, this.vars);
    if (item.kind !== 'secret') throw new MzError(`${writtenName(name)} is not a secret`);
    return resolvedName(this.store, item);
  }

  connection(name: ItemName, type: ConnectionTypeName): ItemName {
    const item = requireItem(this.store, name, this.vars);
    if (item.kind !== 'connection' || item.statement.connectionType !== type) {
      throw new MzError(`${writtenName(name)} is not ${describeType(type)}`);
    }
    return resolvedName(this.store, item);
  }

  item(name: ItemName): Item {
    return requireItem(this.store, name, this.vars);
  }

  value(v: Value, option: string): Value {
    switch (v.kind) {
      case 'secret':
        return { ...v, name: this.secret(v.name) };
      case 'name': {
        const type = REFERENCE_OPTIONS[option];
        return type ? { ...v, name: this.connection(v.name, type) } : v;
      }
      case 'list':
        return { ...v, items: v.items.map((i) => this.value(i, option)) };
      default:
        return v;
    }
  }

  private tunnel(t: BrokerTunnel): BrokerTunnel {
    switch (t.kind) {
      case 'direct':
        return t;
      case 'ssh-tunnel':
        return { ...t, connection: this.connection(t.connection, 'ssh-tunnel') };
      case 'aws-privatelink':
        return { ...t, connection: this.connection(t.connection, 'aws-privatelink') };
    }
  }

  private broker(b: KafkaBroker): KafkaBroker {
    return { ...b, tunnel: this.tunnel(b.tunnel) };
  }

  connectionOption(o: ConnectionOption): ConnectionOption {
    const v = o.value;
    switch (v.kind) {
      case 'value':
        return { ...o, value: { kind: 'value', value: this.value(v.value, o.name) } };
      case 'broker':
        return { ...o, value: { ...v, broker: this.broker(v.broker) } };
      case 'brokers':
        return { ...o, value: { ...v, brokers: v.brokers.map((b) => this.broker(b)) } };
      case 'privatelink':
        return { ...o, value: { ...v, connection: this.connection(v.connection, 'aws-privatelink') } };
    }
  }

  private formatSpec(f: FormatSpec): FormatSpec {
    if (f.kind === 'avro' || f.kind === 'protobuf') return { ...f, connection: this.connection(f.connection, 'confluent-schema-registry') };
    return f;
  }

  format(f: CreateSourceFormat): CreateSourceFormat {
    return f.kind === 'bare' ? { ...f, format: this.formatSpec(f.format) } : { ...f, key: this.formatSpec(f.key), value: this.formatSpec(f.value) };
  }
}

/** Options whose bare-name value is a connection, and the type it must be. */
const REFERENCE_OPTIONS: Record<string, ConnectionTypeName> = {
  'SSH TUNNEL': 'ssh-tunnel',
  'AWS CONNECTION': 'aws',
  'AWS PRIVATELINK': 'aws-privatelink',
};

function describeType(type: ConnectionTypeName): string {
  switch (type) {
    case 'ssh-tunnel':
      return 'an SSH connection';
    case 'aws-privatelink':
      return 'an AWS PRIVATELINK connection';
    case 'aws':
      return 'an AWS connection';
    case 'confluent-schema-registry':
      return 'a schema registry connection';
    default:
      return `a ${CONNECTION_TYPE_WORDS[type]} connection`;
  }
}
