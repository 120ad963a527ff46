import { describe, expect, it } from 'vitest';
import {
  ALLOWED_CONNECTION_OPTIONS,
  ALTERABLE_CONNECTION_OPTIONS,
  REQUIRED_CONNECTION_OPTIONS,
} from '../../../src/emulator/ddl/connection-rules.js';
import { CONNECTION_TYPES, connectionEntries, type ConnectionType } from '../../../src/model/index.js';

/**
 * mzform's option registry and the emulator's own account of what
 * Materialize accepts are written apart on purpose (the emulator is the second
 * opinion tests hold mzform against). Here they are held against each other:
 * every difference is listed below with its reason, and a difference not
 * listed, or a listed one that is gone, fails.
 */

type Account = 'allowed' | 'required' | 'alterable';

interface Difference {
  readonly type: string;
  readonly account: Account;
  readonly option: string;
  /** Which side has it. */
  readonly only: 'emulator' | 'registry';
  readonly why: string;
  /** Being fixed on the emulator's side: may be gone already. */
  readonly pending?: true;
}

const EXPLAINED: readonly Difference[] = [];

/** Types the emulator knows and mzform does not manage: compared only to say so. */
const UNMANAGED = ['sql-server', 'iceberg-catalog'];

function registryAccount(type: ConnectionType): Record<Account, Set<string>> {
  const entries = connectionEntries(type);
  return {
    allowed: new Set(entries.flatMap(([, e]) => e.parts.map((p) => p.sql))),
    // A composite entry may be always present in the model and still optional in SQL (Kafka's brokers).
    required: new Set(entries.filter(([, e]) => e.required && e.parts.length === 1).map(([, e]) => e.parts[0]!.sql)),
    alterable: new Set(entries.filter(([, e]) => e.alterable).flatMap(([, e]) => e.parts.map((p) => p.sql))),
  };
}

function emulatorAccount(type: string): Record<Account, Set<string>> {
  const t = type as keyof typeof ALLOWED_CONNECTION_OPTIONS;
  return {
    allowed: new Set(ALLOWED_CONNECTION_OPTIONS[t]),
    required: new Set(REQUIRED_CONNECTION_OPTIONS[t]),
    alterable: new Set(ALTERABLE_CONNECTION_OPTIONS[t]),
  };
}

function differences(): Difference[] {
  const out: Difference[] = [];
  for (const type of CONNECTION_TYPES) {
    const registry = registryAccount(type);
    const emulator = emulatorAccount(type);
    for (const account of ['allowed', 'required', 'alterable'] as const) {
      for (const option of registry[account]) if (!emulator[account].has(option)) out.push({ type, account, option, only: 'registry', why: '' });
      for (const option of emulator[account]) if (!registry[account].has(option)) out.push({ type, account, option, only: 'emulator', why: '' });
    }
  }
  return out;
}

const key = (d: Pick<Difference, 'type' | 'account' | 'option' | 'only'>) => `${d.type} ${d.account} ${d.option} (only in ${d.only})`;

describe('option registry and emulator account', () => {
  it('cover the same connection types, besides the ones mzform does not manage', () => {
    const emulatorTypes = Object.keys(ALLOWED_CONNECTION_OPTIONS).filter((t) => !UNMANAGED.includes(t));
    expect(new Set(emulatorTypes)).toEqual(new Set(CONNECTION_TYPES));
  });

  it('differ only where the difference is explained', () => {
    const explained = new Set(EXPLAINED.map(key));
    expect(differences().map(key).filter((k) => !explained.has(k))).toEqual([]);
  });

  it('have no stale explanation', () => {
    const found = new Set(differences().map(key));
    expect(EXPLAINED.filter((d) => !d.pending && !found.has(key(d))).map(key)).toEqual([]);
  });

  it('agree on a sample: the registry has PORT on every type Materialize lets connect to a port', () => {
    for (const type of ['ssh-tunnel', 'postgres', 'mysql', 'confluent-schema-registry'] as const) {
      expect(registryAccount(type).allowed.has('PORT'), type).toBe(true);
      expect(emulatorAccount(type).allowed.has('PORT'), type).toBe(true);
    }
  });
});
