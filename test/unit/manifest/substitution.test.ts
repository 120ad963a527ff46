import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, parseManifestSources } from '../../../src/manifest/index.js';
import { createValueResolver } from '../../../src/manifest/value-resolver.js';
import type { Connection, DesiredState, Secret } from '../../../src/model/index.js';
import { diagnosticLines as problems } from './diagnostic-lines.js';

const parse = (text: string, env: Record<string, string> = {}, readFile?: (p: string) => string) => parseManifest(text, 'm.yaml', env, readFile);


const tunnel = (fields: string) => `version: 1\nconnections:\n  t:\n    type: ssh-tunnel\n${fields}`;
const connection = (state: DesiredState, name = 't') => state.objects.find((o): o is Connection => o.kind === 'connection' && o.name.name === name)!;

describe('${env:...} and ${file:...} in every string field', () => {
  it.each([
    ['a whole field', '    host: ${env:HOST}\n    user: u\n', { HOST: 'bastion.internal' }, { host: 'bastion.internal', user: 'u' }],
    ['inside text', '    host: ${env:HOST}.example.com\n    user: ${env:U}-ro\n', { HOST: 'b1', U: 'mz' }, { host: 'b1.example.com', user: 'mz-ro' }],
    ['$${ is a literal ${', '    host: h\n    user: u$${x}\n', {}, { host: 'h', user: 'u${x}' }],
    ['a lone $ stays', '    host: h\n    user: $u$\n', {}, { host: 'h', user: '$u$' }],
  ])('%s', async (_, fields, env, expected) => {
    const spec = connection(parse(tunnel(fields), env)).spec;
    expect(spec).toEqual({ type: 'ssh-tunnel', ...expected });
  });

  it('reads ${file:...} into a clear field (a certificate) relative to the manifest file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mzform-subst-'));
    writeFileSync(join(dir, 'ca.pem'), '\uFEFF-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const text = 'version: 1\nconnections:\n  k:\n    type: kafka\n    broker: b:9092\n    security_protocol: SSL\n    ssl_certificate_authority: ${file:ca.pem}\n';
    const state = parseManifestSources([{ file: 'm.yaml', text }], { env: {}, resolverFor: () => createValueResolver({ env: {}, baseDir: dir }) });
    const spec = connection(state, 'k').spec;
    // The byte-order mark is dropped, the rest kept byte for byte.
    expect(spec.type === 'kafka' && spec.sslCertificateAuthority).toEqual({ kind: 'text', value: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' });
  });

  it.each([
    ['an unset variable in a host', '    host: ${env:BASTION_HOST}\n    user: u\n', {}, ['m.yaml:5:11: connection t: environment variable BASTION_HOST is not set']],
    ['an empty variable', '    host: ${env:H}\n    user: u\n', { H: '' }, ['m.yaml:5:11: connection t: environment variable H is empty']],
    ['an unknown kind of reference', '    host: ${vault:x}\n    user: u\n', {}, ['m.yaml:5:11: connection t: unknown reference ${vault:x}: use ${env:NAME}, ${file:path} or ${var:name} (write $${ for a literal ${)']],
    ['an unclosed reference', '    host: h\n    user: ${env:U\n', {}, ['m.yaml:6:11: connection t: "${" is not closed with "}" (write $${ for a literal ${)']],
    ['a bad variable name', '    host: ${env:1X}\n    user: u\n', {}, ['m.yaml:5:11: connection t: ${env:1X}: an environment variable name is letters, digits and _, not starting with a digit']],
    ['an unreadable file', '    host: ${file:nope.txt}\n    user: u\n', {}, ['m.yaml:5:11: connection t: cannot read file nope.txt (ENOENT)']],
  ])('%s is a positioned error', async (_, fields, env, expected) => {
    const readFile = (p: string) => {
      throw Object.assign(new Error(`no ${p}`), { code: 'ENOENT' });
    };
    expect(await problems(() => parse(tunnel(fields), env, readFile))).toEqual(expected);
  });

  it('keeps secret and clear values apart: what a secret reads cannot be written in clear', async () => {
    const text = 'version: 1\nsecrets:\n  pw:\n    value: ${env:KAFKA_PASSWORD}\n' + tunnel('    host: h\n    user: ${env:KAFKA_PASSWORD}\n').replace('version: 1\n', '');
    const found = await problems(() => parse(text, { KAFKA_PASSWORD: 'hunter2' }));
    expect(found).toEqual([
      'm.yaml:9:11: connection t: environment variable KAFKA_PASSWORD holds the value of secret pw: it cannot also be written in a field that Materialize stores in clear and plans show (use {secret: ...} where the option takes one)',
    ]);
    expect(found.join('\n')).not.toContain('hunter2');
  });

  it('leaves a secret value unresolved text-wise: it becomes a SecretValue, never text', async () => {
    const state = parse('version: 1\nsecrets:\n  pw:\n    value: ${env:PW}\n', { PW: 'hunter2' });
    const secret = state.objects[0] as Secret;
    expect(JSON.stringify(state.objects)).not.toContain('hunter2');
    expect(secret.value?.reveal()).toBe('hunter2');
  });

  it('substitutes before the schema, so a substituted value is checked like a written one', async () => {
    expect(await problems(() => parse(tunnel('    host: h\n    user: u\n    port: ${env:PORT}\n'), { PORT: '22' }))).toEqual(['m.yaml:7:11: connection t: must be a whole number']);
  });
});

describe('reading secret values only when they are needed', () => {
  const text = 'version: 1\nsecrets:\n  pw:\n    value: ${env:PW}\n  ca:\n    value: ${file:ca.pem}\n';
  it('if-available: a missing value is left unread and listed, not an error', async () => {
    const state = parseManifestSources([{ file: 'm.yaml', text }], {
      env: {},
      secretValues: 'if-available',
      resolverFor: () => createValueResolver({ env: {}, baseDir: mkdtempSync(join(tmpdir(), 'mzform-unread-')) }),
    });
    expect(state.valuesNotRead).toEqual(['secret pw (environment variable PW is not set)', 'secret ca (cannot read file ca.pem: no such file)']);
    const secret = state.objects.find((o) => o.name.name === 'pw') as Secret;
    expect(String(secret.value)).toBe('<secret from env:PW>');
    expect(() => secret.value?.reveal()).toThrow('was not read');
  });

  it('read (the default): a missing value is an error', async () => {
    expect(await problems(() => parse(text, {}, () => 'x'))).toEqual(['m.yaml:4:12: secret pw: environment variable PW is not set']);
  });
});
