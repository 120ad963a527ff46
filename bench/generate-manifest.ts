/**
 * A benchmark manifest of `objects` objects in groups of ten, a realistic
 * mix: two secrets, an SSH tunnel, a PrivateLink, a Kafka connection whose
 * brokers go one through the PrivateLink (port, availability zone) and one
 * through the tunnel, a Postgres connection through the tunnel, and four
 * sources (three Kafka, one load generator). A remainder is filled with secrets.
 */
export function generateManifest(objects: number): string {
  const secrets: string[] = [];
  const connections: string[] = [];
  const sources: string[] = [];
  const groups = Math.floor(objects / 10);
  for (let g = 0; g < groups; g++) {
    const p = `g${String(g).padStart(5, '0')}`;
    secrets.push(`  ${p}_kafka_password:\n    value: \${env:BENCH_SECRET}\n    comment: SASL password of cluster ${g}`);
    secrets.push(`  ${p}_pg_password:\n    value: \${env:BENCH_SECRET}`);
    connections.push(`  ${p}_bastion:\n    type: ssh-tunnel\n    host: bastion-${g}.example.com\n    user: materialize`);
    connections.push(
      `  ${p}_link:\n    type: aws-privatelink\n    service_name: com.amazonaws.vpce.us-east-1.vpce-svc-${g.toString(16).padStart(17, '0')}\n    availability_zones: [use1-az1, use1-az2]`,
    );
    connections.push(
      [
        `  ${p}_kafka:`,
        '    type: kafka',
        '    brokers:',
        `      - address: b-1.cluster-${g}:9096`,
        `        aws_privatelink: ${p}_link`,
        '        privatelink_port: 9001',
        '        availability_zone: use1-az1',
        `      - address: b-2.cluster-${g}:9096`,
        `        ssh_tunnel: ${p}_bastion`,
        '    sasl_mechanisms: SCRAM-SHA-512',
        '    sasl_username: materialize',
        `    sasl_password: { secret: ${p}_kafka_password }`,
        '    validate: false',
      ].join('\n'),
    );
    connections.push(
      `  ${p}_pg:\n    type: postgres\n    host: pg-${g}.internal\n    database: shop\n    user: replicator\n    password: { secret: ${p}_pg_password }\n    ssh_tunnel: ${p}_bastion\n    validate: false`,
    );
    for (const topic of ['orders', 'clicks', 'payments']) sources.push(`  ${p}_${topic}:\n    type: kafka\n    connection: ${p}_kafka\n    topic: ${topic}\n    format: json`);
    sources.push(`  ${p}_counter:\n    type: load-generator\n    generator: counter`);
  }
  for (let i = groups * 10; i < objects; i++) secrets.push(`  extra_${i}:\n    value: \${env:BENCH_SECRET}`);
  return [
    'version: 1',
    '',
    'defaults:',
    '  cluster: quickstart',
    '',
    'secrets:',
    ...secrets,
    '',
    ...(connections.length > 0 ? ['connections:', ...connections, ''] : []),
    ...(sources.length > 0 ? ['sources:', ...sources, ''] : []),
  ].join('\n');
}
