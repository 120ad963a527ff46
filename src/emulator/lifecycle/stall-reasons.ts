import type { ConnectionItem, SourceItem } from '../catalog/store.js';
import type { DdlHost } from '../ddl/host.js';
import { unreachableAddress } from '../ddl/validation.js';

/**
 * Why a running source stalls, as Materialize reports it in
 * `mz_source_statuses.error`: `<namespace>: <message>`, the namespace being
 * the part of the source that failed (src/storage/src/healthcheck.rs:77 names
 * them, :160 joins them), and `details` = `{"namespaced": {ns: message}}`
 * (src/storage-client/src/client.rs:280).
 */
export interface StallReason {
  readonly namespace: 'kafka' | 'postgres' | 'mysql' | 'ssh';
  readonly message: string;
}

export function errorText(reason: StallReason): string {
  return `${reason.namespace}: ${reason.message}`;
}

export function errorDetails(reason: StallReason): string {
  return JSON.stringify({ namespaced: { [reason.namespace]: reason.message } });
}

/**
 * A deleted topic is a definite error (src/storage/src/source/kafka.rs:1742,
 * worded by src/storage-types/src/errors.rs:459; seen in
 * test/testdrive/kafka-recreate-topic.td:154 as "kafka: source must be
 * dropped and recreated due to failure: topic was recreated").
 * An unreachable upstream is a transient one: the client's own message,
 * the same the emulator gives when validation fails (ddl/validation.ts).
 */
export function stallReason(host: DdlHost, source: SourceItem): StallReason | undefined {
  const s = source.statement;
  if (!s || s.connection.kind === 'load-generator') return undefined;
  if (s.connection.kind === 'kafka') {
    const topic = s.connection.options.find((o) => o.name === 'TOPIC')?.value;
    if (topic?.kind === 'string' && host.settings.lifecycle.deletedTopics.has(topic.value)) {
      return { namespace: 'kafka', message: 'source must be dropped and recreated due to failure: topic was deleted' };
    }
  }
  const id = s.connection.connection.id;
  const connection = id ? host.store.items.get(id) : undefined;
  if (connection?.kind !== 'connection') return undefined;
  const address = unreachableAddress(host, connection);
  if (address === undefined) return undefined;
  return unreachableReason(connection, address);
}

function unreachableReason(connection: ConnectionItem, address: string): StallReason {
  const lookup = `failed to lookup address information: Name or service not known (${address})`;
  switch (connection.statement.connectionType) {
    case 'kafka':
      return { namespace: 'kafka', message: 'Meta data fetch error: BrokerTransportFailure (Local: Broker transport failure)' };
    case 'postgres':
      return { namespace: 'postgres', message: `error connecting to server: ${lookup}` };
    case 'mysql':
      return { namespace: 'mysql', message: `Input/output error: ${lookup}` };
    default:
      return { namespace: 'ssh', message: `failed to connect to the remote host: ${lookup}` };
  }
}
