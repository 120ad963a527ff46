import type { ConnectionType, TextOrSecret, TlsOptions } from './connections.js';
import type { ObjectName } from './names.js';
import type { MzObject } from './objects.js';
import type { Format } from './sources.js';

/**
 * One name an object refers to, what it must be, and the field that holds it.
 * The single source of truth for dependency edges: the manifest checks
 * references with it, the planner orders statements with it.
 */
export interface Reference {
  readonly target: ObjectName;
  readonly expect: { readonly kind: 'secret' } | { readonly kind: 'connection'; readonly types: readonly ConnectionType[] };
  /** Dotted path of the field in the model, e.g. `brokers[1].path.connection`. */
  readonly field: string;
}

const SECRET = { kind: 'secret' } as const;
const conn = (...types: ConnectionType[]) => ({ kind: 'connection', types }) as const;

export function referencesOf(object: MzObject): Reference[] {
  const refs: Reference[] = [];
  const secret = (target: ObjectName | undefined, field: string) => {
    if (target) refs.push({ target, expect: SECRET, field });
  };
  const textOrSecret = (value: TextOrSecret | undefined, field: string) => {
    if (value?.kind === 'secret') secret(value.secret, field);
  };
  const tls = (o: TlsOptions) => {
    textOrSecret(o.sslCertificateAuthority, 'sslCertificateAuthority');
    textOrSecret(o.sslCertificate, 'sslCertificate');
    secret(o.sslKey, 'sslKey');
  };
  const to = (target: ObjectName | undefined, field: string, ...types: ConnectionType[]) => {
    if (target) refs.push({ target, expect: conn(...types), field });
  };
  const format = (f: Format, field: string) => {
    if (f.kind === 'avro' || f.kind === 'protobuf') to(f.schemaRegistry, field, 'confluent-schema-registry');
  };

  switch (object.kind) {
    case 'secret':
      break;
    case 'connection': {
      const spec = object.spec;
      switch (spec.type) {
        case 'ssh-tunnel':
        case 'aws-privatelink':
          break;
        case 'aws':
          textOrSecret(spec.accessKeyId, 'accessKeyId');
          secret(spec.secretAccessKey, 'secretAccessKey');
          textOrSecret(spec.sessionToken, 'sessionToken');
          break;
        case 'kafka':
          spec.brokers.forEach((b, i) => {
            if (b.path) to(b.path.connection, `brokers[${i}].path.connection`, b.path.kind);
          });
          if (spec.defaultPath) to(spec.defaultPath.connection, 'defaultPath.connection', spec.defaultPath.kind);
          textOrSecret(spec.saslUsername, 'saslUsername');
          secret(spec.saslPassword, 'saslPassword');
          to(spec.awsConnection, 'awsConnection', 'aws');
          tls(spec);
          break;
        case 'confluent-schema-registry':
          textOrSecret(spec.username, 'username');
          secret(spec.password, 'password');
          if (spec.path) to(spec.path.connection, 'path.connection', spec.path.kind);
          tls(spec);
          break;
        case 'postgres':
        case 'mysql':
          textOrSecret(spec.user, 'user');
          secret(spec.password, 'password');
          if (spec.path) to(spec.path.connection, 'path.connection', spec.path.kind);
          to(spec.awsConnection, 'awsConnection', 'aws');
          tls(spec);
          break;
        default:
          assertNever(spec);
      }
      break;
    }
    case 'source': {
      const spec = object.spec;
      switch (spec.type) {
        case 'kafka':
          to(spec.connection, 'connection', 'kafka');
          if (spec.format?.kind === 'bare') format(spec.format.format, 'format');
          if (spec.format?.kind === 'key-value') {
            format(spec.format.key, 'format.key');
            format(spec.format.value, 'format.value');
          }
          break;
        case 'postgres':
          to(spec.connection, 'connection', 'postgres');
          break;
        case 'mysql':
          to(spec.connection, 'connection', 'mysql');
          break;
        case 'load-generator':
          break;
        default:
          assertNever(spec);
      }
      break;
    }
    default:
      assertNever(object);
  }
  return refs;
}

export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
