import type { ConnectionSpec, KafkaConnection, KafkaSecurityProtocol } from './connections.js';
import type { MzObject } from './objects.js';
import type { Envelope, SourceSpec } from './sources.js';

/**
 * The server's defaults, made explicit so that "not written" and "written as
 * the default" compare equal. Applied to both sides of a diff, never to what
 * is rendered: the SQL says only what the user said.
 */
export const DEFAULT_PORTS = { 'ssh-tunnel': 22, postgres: 5432, mysql: 3306 } as const;

export function kafkaDefaultSecurityProtocol(spec: KafkaConnection): KafkaSecurityProtocol {
  const sasl = spec.saslMechanisms !== undefined || spec.saslUsername !== undefined || spec.saslPassword !== undefined;
  return sasl || spec.awsConnection !== undefined ? 'SASL_SSL' : 'SSL';
}

export function withConnectionDefaults(spec: ConnectionSpec): ConnectionSpec {
  switch (spec.type) {
    case 'ssh-tunnel':
      return { ...spec, port: spec.port ?? DEFAULT_PORTS['ssh-tunnel'] };
    case 'postgres':
      return { ...spec, port: spec.port ?? DEFAULT_PORTS.postgres, ...(spec.sslMode ? { sslMode: spec.sslMode.toLowerCase() } : {}) };
    case 'mysql':
      return { ...spec, port: spec.port ?? DEFAULT_PORTS.mysql, ...(spec.sslMode ? { sslMode: spec.sslMode.toLowerCase() } : {}) };
    case 'kafka':
      return {
        ...spec,
        securityProtocol: (spec.securityProtocol?.toUpperCase() as KafkaSecurityProtocol | undefined) ?? kafkaDefaultSecurityProtocol(spec),
        ...(spec.saslMechanisms ? { saslMechanisms: spec.saslMechanisms.toUpperCase() } : {}),
      };
    case 'aws-privatelink':
    case 'aws':
    case 'confluent-schema-registry':
      return spec;
  }
}

export const DEFAULT_ENVELOPE: Envelope = 'none';

export function withSourceDefaults(spec: SourceSpec): SourceSpec {
  switch (spec.type) {
    case 'kafka':
      return { ...spec, envelope: spec.envelope ?? DEFAULT_ENVELOPE };
    case 'postgres':
    case 'mysql':
    case 'load-generator':
      return spec;
  }
}

/** The object as the server would hold it: defaults filled in, for comparison only. */
export function withDefaults<T extends MzObject>(object: T): T {
  switch (object.kind) {
    case 'secret':
      return object;
    case 'connection':
      return { ...object, spec: withConnectionDefaults(object.spec) };
    case 'source':
      return { ...object, spec: withSourceDefaults(object.spec) };
  }
  return object;
}
