import { generateKeyPairSync } from 'node:crypto';

/**
 * A fresh ed25519 public key in OpenSSH's one-line form,
 * `ssh-ed25519 AAAA... materialize`, as Materialize generates for each SSH
 * tunnel connection (its keys carry the comment "materialize"). The private
 * half is thrown away: nothing here connects.
 */
export function generateSshPublicKey(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x ?? '', 'base64url');
  const type = Buffer.from('ssh-ed25519');
  const blob = Buffer.concat([lengthPrefixed(type), lengthPrefixed(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} materialize`;
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
