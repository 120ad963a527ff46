import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../../src/manifest/index.js';
import type { Connection, KafkaConnection } from '../../../src/model/index.js';

// Every variable any example reads, with a fake value: the examples must need nothing else.
const FAKE_ENV: Record<string, string> = Object.fromEntries(
  [
    'MSK_PASSWORD',
    'MSK_USERNAME',
    'POSTGRES_PASSWORD',
    'MYSQL_PASSWORD',
    'KAFKA_CA_CERT',
    'KAFKA_CLIENT_CERT',
    'KAFKA_CLIENT_KEY',
    'CSR_PASSWORD',
    'REDPANDA_PASSWORD',
  ].map((name) => [name, `fake-${name.toLowerCase()}`]),
);

const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('examples', () => {
  it('cover every documented scenario', () => {
    expect(EXAMPLES).toEqual([
      'kafka-mtls-private-ca.yaml',
      'kafka-source-tables.yaml',
      'kafka-ssh-tunnel.yaml',
      'load-generator-source-tables.yaml',
      'msk-privatelink.yaml',
      'msk-public-scram.yaml',
      'mysql-source-tables.yaml',
      'mysql-ssh-tunnel.yaml',
      'postgres-source-tables.yaml',
      'postgres-ssh-tunnel.yaml',
      'rds-postgres-privatelink.yaml',
      'redpanda-privatelink.yaml',
      'schema-registry-ssh-avro.yaml',
    ]);
  });

  it.each(EXAMPLES)('%s is valid and names its JSON Schema', async (file) => {
    const state = await loadManifest(`examples/${file}`, { env: FAKE_ENV });
    expect(state.objects.length).toBeGreaterThan(0);
    expect(state.objects.some((o) => o.kind === 'source')).toBe(true);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(`examples/${file}`, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/manifest\.schema\.json\n/);
  });

  it.each(EXAMPLES)('%s reports a missing variable by name', async (file) => {
    const state = await loadManifest(`examples/${file}`, { env: FAKE_ENV });
    const variables = state.objects.flatMap((o) => (o.kind === 'secret' && o.value?.source.kind === 'env' ? [o.value.source.variable] : []));
    for (const missing of variables) {
      await expect(loadManifest(`examples/${file}`, { env: { ...FAKE_ENV, [missing]: undefined } })).rejects.toThrow(
        `environment variable ${missing} is not set`,
      );
    }
  });

  it('msk-privatelink routes each broker through its own port and zone', async () => {
    const state = await loadManifest('examples/msk-privatelink.yaml', { env: FAKE_ENV });
    const kafka = state.objects.find((o): o is Connection => o.kind === 'connection' && o.spec.type === 'kafka')!.spec as KafkaConnection;
    expect(kafka.brokers.map((b) => [b.address, b.path?.kind === 'aws-privatelink' ? [b.path.port, b.path.availabilityZone] : null])).toEqual([
      ['b-1.hostname-1:9096', [9001, 'use1-az2']],
      ['b-2.hostname-2:9096', [9002, 'use1-az1']],
      ['b-3.hostname-3:9096', [9003, 'use1-az4']],
    ]);
    expect(kafka.saslMechanisms).toBe('SCRAM-SHA-512');
    expect(kafka.saslPassword).toEqual({ database: 'materialize', schema: 'public', name: 'kafka_password' });
  });

  it('redpanda-privatelink has no brokers and a default PrivateLink with a port', async () => {
    const state = await loadManifest('examples/redpanda-privatelink.yaml', { env: FAKE_ENV });
    const kafka = state.objects.find((o): o is Connection => o.kind === 'connection' && o.spec.type === 'kafka')!.spec as KafkaConnection;
    expect(kafka.brokers).toEqual([]);
    expect(kafka.defaultPath).toEqual({ kind: 'aws-privatelink', connection: { database: 'materialize', schema: 'public', name: 'privatelink_svc' }, port: 30292 });
  });
});
