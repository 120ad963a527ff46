import type { ConnectionItem } from '../catalog/store.js';
import { MzError, SQLSTATE } from '../errors.js';
import { isUnreachable } from '../settings.js';
import { brokerAddresses } from '../catalog/item-rows.js';
import type { DdlHost } from './host.js';

/**
 * Connection validation. Nothing upstream is reachable from the emulator, so
 * it passes unless a setting names the host unreachable; then it fails with
 * the upstream-style message Materialize returns (SQLSTATE 58000).
 */
export function validateConnection(host: DdlHost, item: ConnectionItem): void {
  const unreachable = unreachableAddress(host, item);
  if (unreachable === undefined) return;
  const type = item.statement.connectionType;
  const detail = `failed to lookup address information: Name or service not known (${unreachable})`;
  switch (type) {
    case 'kafka':
      throw new MzError('Meta data fetch error: BrokerTransportFailure (Local: Broker transport failure)', { sqlstate: SQLSTATE.connectionFailure, detail });
    case 'postgres':
      throw new MzError(`error connecting to server: ${detail}`, { sqlstate: SQLSTATE.connectionFailure });
    case 'mysql':
      throw new MzError(`Input/output error: ${detail}`, { sqlstate: SQLSTATE.connectionFailure });
    case 'confluent-schema-registry':
      throw new MzError(`failed to fetch schema subjects: error sending request for url (${unreachable})`, { sqlstate: SQLSTATE.connectionFailure, detail });
    case 'ssh-tunnel':
      throw new MzError(`failed to connect to the remote host: ${detail}`, { sqlstate: SQLSTATE.connectionFailure });
    case 'aws-privatelink':
      throw new MzError('Endpoint availability is unknown', { sqlstate: SQLSTATE.connectionFailure });
    default:
      throw new MzError(`failed to connect: ${detail}`, { sqlstate: SQLSTATE.connectionFailure });
  }
}

function optionText(item: ConnectionItem, name: string): string | undefined {
  const o = item.statement.options.find((x) => x.name === name);
  if (o?.value.kind !== 'value') return undefined;
  const v = o.value.value;
  if (v.kind === 'string') return v.value;
  if (v.kind === 'name') return v.name.parts.map((p) => p.value).join('.');
  if (v.kind === 'number') return v.text;
  return undefined;
}

/** The first host of the connection (or of a tunnel it goes through) that settings call unreachable. */
export function unreachableAddress(host: DdlHost, item: ConnectionItem): string | undefined {
  const settings = host.settings;
  const candidates: string[] = [];
  switch (item.statement.connectionType) {
    case 'kafka':
      candidates.push(...brokerAddresses(item.statement.options));
      break;
    case 'confluent-schema-registry': {
      const url = optionText(item, 'URL');
      if (url) {
        try {
          candidates.push(new URL(url).hostname);
        } catch {
          candidates.push(url);
        }
      }
      break;
    }
    case 'aws-privatelink':
      candidates.push(optionText(item, 'SERVICE NAME') ?? '');
      break;
    default: {
      const h = optionText(item, 'HOST');
      const port = optionText(item, 'PORT');
      if (h) candidates.push(port ? `${h}:${port}` : h);
    }
  }
  for (const c of candidates) if (c && isUnreachable(settings, c)) return c;
  // A tunnel to an unreachable bastion fails the connections that use it.
  for (const o of item.statement.options) {
    if (o.name === 'SSH TUNNEL' && o.value.kind === 'value' && o.value.value.kind === 'name' && o.value.value.name.id) {
      const tunnel = host.store.items.get(o.value.value.name.id);
      if (tunnel?.kind === 'connection') {
        const reason = unreachableAddress(host, tunnel);
        if (reason) return reason;
      }
    }
  }
  return undefined;
}
