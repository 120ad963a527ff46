import type { ConnectionOptions } from 'node:tls';
import { InputError } from '../errors.js';

/** What `pg` needs, decided from --url, MZFORM_URL or the PG* variables. */
export interface ResolvedConnection {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password?: string;
  readonly database: string;
  readonly ssl: false | ConnectionOptions;
  /** `host:port/database` as user@: for messages, never with the password. */
  readonly target: string;
}

/**
 * Where to connect: `url` (the --url flag), else `MZFORM_URL`, else the
 * standard PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
 * PGSSLMODE), with Materialize's defaults (port 6875, user and database
 * `materialize`).
 *
 * sslmode: `disable` and `allow` connect in clear; `prefer`, `require` and
 * `verify-full` use TLS and verify the certificate and host name (Materialize
 * Cloud has publicly trusted certificates); `verify-ca` verifies the
 * certificate only. Without sslmode, TLS is used except for localhost.
 */
export function resolveConnection(url: string | undefined, env: Readonly<Record<string, string | undefined>>): ResolvedConnection {
  const text = url ?? env.MZFORM_URL;
  if (text !== undefined && text !== '') return fromUrl(text, url !== undefined ? '--url' : 'MZFORM_URL');
  const host = env.PGHOST || 'localhost';
  const sslmode = env.PGSSLMODE;
  return build({
    host,
    port: parsePort(env.PGPORT, 'PGPORT'),
    user: env.PGUSER || 'materialize',
    password: env.PGPASSWORD,
    database: env.PGDATABASE || 'materialize',
    sslmode,
  });
}

function fromUrl(text: string, origin: string): ResolvedConnection {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new InputError('db.bad-url', `${origin} is not a valid URL (expected postgres://user:password@host:port/database)`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new InputError('db.bad-url', `${origin} must start with postgres:// or postgresql://, not ${parsed.protocol}//`);
  }
  // A malformed %-escape is the user's input, not a crash; the message never repeats the URL (it may hold a password).
  const decode = (part: string, what: string): string => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new InputError('db.bad-url', `${origin}: the ${what} holds a malformed %-escape`);
    }
  };
  return build(
    {
      host: decode(parsed.hostname.replace(/^\[(.*)\]$/, '$1'), 'host') || 'localhost',
      port: parsePort(parsed.port || undefined, origin),
      user: decode(parsed.username, 'user name') || 'materialize',
      password: parsed.password ? decode(parsed.password, 'password') : undefined,
      database: decode(parsed.pathname.replace(/^\//, ''), 'database name') || 'materialize',
      sslmode: parsed.searchParams.get('sslmode') ?? undefined,
    },
    origin,
  );
}

function parsePort(value: string | undefined, origin: string): number {
  if (value === undefined || value === '') return 6875;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InputError('db.bad-url', `${origin}: port ${value} is not a valid port number`);
  return port;
}

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

function build(o: { host: string; port: number; user: string; password: string | undefined; database: string; sslmode: string | undefined }, origin = 'PGSSLMODE'): ResolvedConnection {
  const local = o.host === 'localhost' || o.host === '127.0.0.1' || o.host === '::1';
  const mode = o.sslmode ?? (local ? 'disable' : 'require');
  if (!SSL_MODES.includes(mode)) throw new InputError('db.bad-url', `${origin}: sslmode ${mode} is not one of ${SSL_MODES.join(', ')}`);
  const ssl: false | ConnectionOptions =
    mode === 'disable' || mode === 'allow'
      ? false
      : mode === 'verify-ca'
        ? { rejectUnauthorized: true, checkServerIdentity: () => undefined }
        : { rejectUnauthorized: true, servername: o.host };
  return {
    host: o.host,
    port: o.port,
    user: o.user,
    ...(o.password !== undefined ? { password: o.password } : {}),
    database: o.database,
    ssl,
    target: `${o.user}@${o.host}:${o.port}/${o.database}`,
  };
}
