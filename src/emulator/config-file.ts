import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { Fault } from './faults.js';
import type { EmulatorOptions } from './index.js';

/**
 * The emulator's settings file (`mzform emulator --config file.json`):
 *
 *   {
 *     "unreachableHosts": ["kafka.internal:9092"],
 *     "missingTopics": ["orders"],
 *     "upstreamTables": { "pg.internal": ["public.orders", "shop.items"] },
 *     "faults": [{ "kind": "latency", "ms": 20 }],
 *     "password": "only if clients must send one",
 *     "version": "v26.19.0"
 *   }
 */
export async function loadEmulatorConfig(file: string): Promise<EmulatorOptions> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new InputError('emulator.config', `${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const fail = (what: string) => new InputError('emulator.config', `${file}: ${what}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw fail('expected a JSON object');
  const o = raw as Record<string, unknown>;
  const known = ['unreachableHosts', 'missingTopics', 'upstreamTables', 'faults', 'password', 'version'];
  for (const key of Object.keys(o)) if (!known.includes(key)) throw fail(`unknown setting "${key}" (known: ${known.join(', ')})`);
  const strings = (key: string): string[] | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw fail(`"${key}" must be a list of strings`);
    return v as string[];
  };
  const unreachableHosts = strings('unreachableHosts');
  const missingTopics = strings('missingTopics');
  const upstream = o['upstreamTables'];
  if (upstream !== undefined && (typeof upstream !== 'object' || upstream === null || Array.isArray(upstream))) throw fail('"upstreamTables" must map hosts to lists of "schema.table"');
  for (const [host, tables] of Object.entries((upstream ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(tables) || !tables.every((t) => typeof t === 'string' && /^[^.]+\.[^.]+$/.test(t))) throw fail(`"upstreamTables.${host}" must be a list of "schema.table"`);
  }
  const faults = o['faults'];
  if (faults !== undefined && !Array.isArray(faults)) throw fail('"faults" must be a list');
  const password = o['password'];
  if (password !== undefined && typeof password !== 'string') throw fail('"password" must be a string');
  const version = o['version'];
  if (version !== undefined && (typeof version !== 'string' || !/^v?\d+\.\d+(\.\d+)?$/.test(version))) throw fail('"version" must be a Materialize version such as "v26.19.0"');
  return {
    ...(version !== undefined ? { version } : {}),
    ...(unreachableHosts ? { unreachableHosts } : {}),
    ...(missingTopics ? { missingTopics } : {}),
    ...(upstream ? { upstreamTables: upstream as Record<string, string[]> } : {}),
    ...(faults ? { faults: faults as Fault[] } : {}),
    ...(password !== undefined ? { password } : {}),
  };
}
