import { describe, expect, it } from 'vitest';
import { parseManifestSources } from '../../../src/manifest/index.js';
import type { Connection, Secret } from '../../../src/model/index.js';
import { diagnosticLines as problems } from './diagnostic-lines.js';

const MANIFEST = `version: 1
variables:
  ssh_port: 22
  brokers: [b-1.default:9092]
environments:
  staging:
    variables:
      bastion_host: bastion.staging.internal
      kafka_password: \${env:STAGING_KAFKA_PASSWORD}
  production:
    variables:
      bastion_host: \${env:PROD_BASTION_HOST}
      kafka_password: \${env:PROD_KAFKA_PASSWORD}
      brokers: [b-1.prod:9092, b-2.prod:9092]
secrets:
  kafka_password:
    value: \${var:kafka_password}
connections:
  bastion:
    type: ssh-tunnel
    host: \${var:bastion_host}
    port: \${var:ssh_port}
    user: materialize
  kafka:
    type: kafka
    brokers: \${var:brokers}
    ssh_tunnel: bastion
    comment: brokers in \${var:bastion_host}
`;

const ENV = { STAGING_KAFKA_PASSWORD: 's-pw', PROD_KAFKA_PASSWORD: 'p-pw', PROD_BASTION_HOST: 'bastion.prod.internal' };
const load = (environment: string | undefined, env: Record<string, string> = ENV, text = MANIFEST) =>
  parseManifestSources([{ file: 'm.yaml', text }], { env, ...(environment !== undefined ? { environment } : {}) });


describe('environments', () => {
  it.each([
    ['staging', 'bastion.staging.internal', ['b-1.default:9092'], 'env:STAGING_KAFKA_PASSWORD', 's-pw'],
    ['production', 'bastion.prod.internal', ['b-1.prod:9092', 'b-2.prod:9092'], 'env:PROD_KAFKA_PASSWORD', 'p-pw'],
  ])('%s selects its own hosts, broker list and secret sources', async (environment, host, brokers, source, value) => {
    const state = load(environment);
    expect(state.environment).toBe(environment);
    const bastion = state.objects.find((o) => o.name.name === 'bastion') as Connection;
    expect(bastion.spec).toEqual({ type: 'ssh-tunnel', host, port: 22, user: 'materialize' });
    const kafka = state.objects.find((o) => o.name.name === 'kafka') as Connection;
    expect(kafka.spec.type === 'kafka' && kafka.spec.brokers.map((b) => b.address)).toEqual(brokers);
    expect(kafka.comment).toBe(`brokers in ${host}`);
    const secret = state.objects.find((o) => o.kind === 'secret') as Secret;
    expect(secret.value?.toJSON()).toEqual({ source });
    expect(secret.value?.reveal()).toBe(value);
  });

  it.each([
    [undefined, ['m.yaml:5:1: the manifest declares environments (production, staging): choose one with --environment']],
    ['qa', ['m.yaml:5:1: environment qa is not declared (declared: production, staging)']],
  ])('--environment %s is refused with the declared names', async (environment, expected) => {
    expect(await problems(() => load(environment))).toEqual(expected);
  });

  it('an unset variable inside the selected environment is reported where it is used, naming the declaration', async () => {
    expect(await problems(() => load('production', { PROD_KAFKA_PASSWORD: 'p' }))).toEqual([
      'm.yaml:21:11: connection bastion: ${var:bastion_host} (m.yaml:12): environment variable PROD_BASTION_HOST is not set',
      'm.yaml:28:14: connection kafka: ${var:bastion_host} (m.yaml:12): environment variable PROD_BASTION_HOST is not set',
    ]);
  });

  it("another environment's variables are never read", async () => {
    expect(load('staging', { STAGING_KAFKA_PASSWORD: 's' }).environment).toBe('staging');
  });

  it.each([
    ['an undeclared variable', 'version: 1\nconnections:\n  t:\n    type: ssh-tunnel\n    host: ${var:nope}\n    user: u\n', ['m.yaml:5:11: connection t: variable nope is not declared (declare it under variables: or environments.<name>.variables:)']],
    [
      'a list inside text',
      'version: 1\nvariables:\n  l: [a]\nconnections:\n  t:\n    type: ssh-tunnel\n    host: x${var:l}\n    user: u\n',
      ['m.yaml:7:11: connection t: ${var:l} holds a list or mapping: it can only be the whole value of a field, not part of a text'],
    ],
    [
      'a variable that refers to a variable',
      'version: 1\nvariables:\n  a: ${var:b}\n  b: x\nconnections:\n  t:\n    type: ssh-tunnel\n    host: ${var:a}\n    user: u\n',
      ["m.yaml:8:11: connection t: ${var:a} (m.yaml:3): ${var:b}: a variable's value cannot refer to another variable"],
    ],
    [
      'a secret whose variable is not a source',
      'version: 1\nvariables:\n  pw: 3\nsecrets:\n  s:\n    value: ${var:pw}\n',
      ["m.yaml:6:12: secret s: ${var:pw} must hold text such as ${env:NAME} or ${file:path} to be a secret's value"],
    ],
    ['a variable declared twice', 'version: 1\nvariables:\n  a: 1\nenvironments:\n  e:\n    variables:\n      a: 2\n      a: 3\n', ['m.yaml:8:7: this name is declared twice in the same mapping']],
  ])('%s is a positioned error', async (_, text, expected) => {
    expect(await problems(() => load(text.includes('environments') ? 'e' : undefined, {}, text))).toEqual(expected);
  });

  it('a manifest without environments takes --environment as a label only (the PR comment marker)', async () => {
    const state = load('production', {}, 'version: 1\n');
    expect(state.environment).toBeUndefined();
  });
});
