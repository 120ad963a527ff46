import { readFile } from 'node:fs/promises';
import { type CatalogRows, introspect, parseCatalogDump, readCatalogRows, readConnectedRole, toActualState } from '../catalog/index.js';
import { connect, redactedLater, type Database } from '../db/index.js';
import { type Change, diff, uncheckedSecretValues, uncheckedValuesNote } from '../diff/index.js';
import { InputError } from '../errors.js';
import { loadManifest } from '../manifest/index.js';
import { type ActualState, type DesiredState, type ObjectName, displayName, nameKey } from '../model/index.js';
import { buildPlan, checkClustersAndRoles, checkUnreadableDeclared, type Plan } from '../plan/index.js';
import { type CatalogRead, startCatalogRead, type Target } from './catalog-prefetch.js';
import { declaredSecretValues } from './declared-secrets.js';
import { openEmulator } from './emulator-target.js';
import { withExternalObjects } from './external-objects.js';

/** The environment variable holding the HMAC key for secret fingerprints. */
export const FINGERPRINT_KEY_VARIABLE = 'MZFORM_FINGERPRINT_KEY';

export interface PlanPipelineOptions {
  /** The manifest: files, or directories of them. */
  readonly file: string | readonly string[];
  /** `--environment`: which of the manifest's environments supplies `${var:...}`. */
  readonly environment?: string;
  /** --url; falls back to MZFORM_URL and the PG* variables. */
  readonly url?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Plan against an in-process emulator instead of a server: empty, or loaded from `stateFile`. */
  readonly emulator?: { readonly stateFile?: string };
  /** Plan against the rows of a `catalog dump` file instead of connecting (no credentials needed). */
  readonly catalogFile?: string;
  readonly prune?: boolean;
  /** Secret names given to --rotate-secret: `name`, `schema.name` or `database.schema.name`. */
  readonly rotateSecrets?: readonly string[];
  readonly debug?: (line: string) => void;
  /** How long one catalog query may wait for its answer; the db layer's default (5 minutes) when absent, 0 for none. */
  readonly statementTimeoutMs?: number;
}

export interface PlanPipelineResult {
  readonly plan: Plan;
  readonly desired: DesiredState;
  readonly actual: ActualState;
  /** Round trips introspection needed. */
  readonly queries: number;
}

export interface LoadDesiredOptions {
  readonly environment?: string | undefined;
  /** `if-available` for commands that neither set nor compare secret values (they say so). */
  readonly secretValues?: 'read' | 'if-available';
}

/** The manifest as typed desired state. */
export function loadDesired(file: string | readonly string[], env: Readonly<Record<string, string | undefined>>, options: LoadDesiredOptions = {}): Promise<DesiredState> {
  return loadManifest(file, {
    env,
    ...(options.environment !== undefined ? { environment: options.environment } : {}),
    ...(options.secretValues ? { secretValues: options.secretValues } : {}),
  });
}

/**
 * Secret values are needed to set them (apply) and to compare them with the
 * stored fingerprints (a fingerprint key is set). Anything else runs without
 * the secret variables and says that values were not checked.
 */
export function secretValuesNeeded(env: Readonly<Record<string, string | undefined>>): 'read' | 'if-available' {
  return env[FINGERPRINT_KEY_VARIABLE] ? 'read' : 'if-available';
}

/** The note for a state whose secret values were not all read. */
export function valuesNotReadNote(desired: DesiredState): string | undefined {
  const list = desired.valuesNotRead ?? [];
  if (list.length === 0) return undefined;
  return `secret values were not checked (not needed here): ${list.join('; ')}`;
}

/**
 * The catalog, with unreadable definitions an error only inside the
 * manifest's scope, and the manifest's external objects checked and set aside.
 */
export async function loadActual(db: Database, desired: DesiredState): Promise<ActualState> {
  return withExternalObjects(await introspect(db, { inScope: (n) => desired.scope.some((s) => s.database === n.database && s.schema === n.schema) }), desired);
}

/** Diff and plan, pure: what `plan` shows and `apply` runs. */
export function planChanges(
  desired: DesiredState,
  actual: ActualState,
  options: {
    env: Readonly<Record<string, string | undefined>>;
    prune?: boolean;
    rotateSecrets?: readonly string[];
    /** Narrows the changes before ordering (apply's --target); its warnings go on the plan. */
    selectChanges?: (changes: readonly Change[]) => { changes: readonly Change[]; warnings: readonly string[] };
  },
): Plan {
  const key = options.env[FINGERPRINT_KEY_VARIABLE] || undefined;
  checkUnreadableDeclared(desired, actual);
  const rotateSecrets = resolveSecretNames(desired, options.rotateSecrets ?? []);
  const all = diff(desired, actual, { ...(key ? { fingerprintKey: key } : {}), rotateSecrets, prune: options.prune === true });
  const selected = options.selectChanges ? options.selectChanges(all) : { changes: all, warnings: [] };
  // Before anything runs: a missing cluster or role would otherwise fail in the middle of apply.
  checkClustersAndRoles(selected.changes, desired, actual);
  // Only secrets that already exist have a value that could not be compared (asked only without a key).
  const comparedNothing = () => {
    const existing = new Set(actual.objects.filter((a) => a.object.kind === 'secret').map((a) => nameKey(a.object.name)));
    return desired.objects.some((o) => o.kind === 'secret' && existing.has(nameKey(o.name)));
  };
  const notRead = valuesNotReadNote(desired);
  const notChecked = uncheckedValuesNote(uncheckedSecretValues(all));
  const warnings = [
    ...(key === undefined && comparedNothing()
      ? [`${FINGERPRINT_KEY_VARIABLE} is not set: the values of existing secrets were not compared (use --rotate-secret to set one).`]
      : []),
    ...(notRead ? [notRead] : []),
    ...(notChecked ? [`${notChecked}.`] : []),
  ];
  return buildPlan(selected.changes, desired, actual, { warnings: [...warnings, ...selected.warnings] });
}

/**
 * How long a plan waits for its connection before loading the manifest: a
 * connection on the same network is open by then, and its first catalog query
 * runs on the server while the manifest loads. A slower one keeps opening
 * meanwhile; a broken manifest is never reported later than this.
 */
const CONNECT_WAIT_MS = 100;

/** The whole of `mzform plan` without the CLI: load, connect, introspect, diff, plan. */
export async function runPlanPipeline(options: PlanPipelineOptions): Promise<PlanPipelineResult> {
  // Offline plans (no credentials, e.g. on pull requests) need secret values only to compare fingerprints.
  const secretValues = options.catalogFile !== undefined ? secretValuesNeeded(options.env) : 'read';
  const startRead = () => startCatalogRead((signal) => openTarget({ ...options, signal }));
  // A server is read while the manifest loads; the in-process emulator shares this thread, so it is read after.
  const live = options.catalogFile === undefined && !options.emulator ? startRead() : undefined;
  await live?.connectedWithin(CONNECT_WAIT_MS);
  let desired: DesiredState;
  try {
    desired = await loadDesired(options.file, options.env, { environment: options.environment, secretValues });
  } catch (err) {
    await live?.cancel();
    throw err;
  }
  if (options.catalogFile !== undefined) {
    // Offline: the rows a `catalog dump` saved go through the same rows -> model code as live ones.
    const actual = loadActualFromRows(await readCatalogDumpFile(options.catalogFile), desired);
    options.debug?.(`catalog read from ${options.catalogFile}: ${actual.objects.length} objects`);
    return { plan: planChanges(desired, actual, options), desired, actual, queries: 0 };
  }
  let read: CatalogRead;
  try {
    read = await (live ?? startRead()).result();
  } catch (err) {
    throw redactedLater(err, declaredSecretValues(desired));
  }
  try {
    const actual = loadActualFromRows(read.rows, desired);
    options.debug?.(`introspection: ${read.queries} queries, ${actual.objects.length} objects`);
    return { plan: planChanges(desired, actual, options), desired, actual, queries: read.queries };
  } finally {
    await read.target.close();
  }
}

/**
 * The catalog from the rows of a `catalog dump` (or rows just read), scoped
 * like `loadActual`. A definition mzform cannot read is never an error here:
 * it is kept as an unreadable foreign object, and `checkUnreadableDeclared`
 * stops a plan (exit 3) when the manifest declares it.
 */
export function loadActualFromRows(rows: CatalogRows, desired: DesiredState): ActualState {
  return withExternalObjects(toActualState(rows, { inScope: (n) => desired.scope.some((s) => s.database === n.database && s.schema === n.schema) }), desired);
}

/** Reads and checks a `catalog dump` file. */
export async function readCatalogDumpFile(file: string): Promise<CatalogRows> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError('catalog-dump.unreadable', `cannot read the catalog dump ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseCatalogDump(text, file);
}

export type TargetOptions = Pick<PlanPipelineOptions, 'url' | 'env' | 'emulator' | 'debug' | 'statementTimeoutMs'> & { readonly redact?: readonly string[] };

/** The raw catalog rows of the server (or emulator) the options name: what `catalog dump` saves and `import` reads. */
export async function readLiveCatalogRows(options: TargetOptions): Promise<CatalogRows> {
  return readLive(options, (db) => readCatalogRows(db));
}

/** The catalog rows and the role the connection runs as, read on one connection: what `import` needs to leave out owners equal to it. */
export async function readLiveCatalogAndRole(options: TargetOptions): Promise<{ rows: CatalogRows; role: string }> {
  return readLive(options, async (db) => ({ rows: await readCatalogRows(db), role: await readConnectedRole(db) }));
}

async function readLive<T>(options: TargetOptions, read: (db: Database) => Promise<T>): Promise<T> {
  const target = await openTarget(options);
  try {
    const before = target.db.roundTrips;
    const result = await read(target.db);
    options.debug?.(`introspection: ${target.db.roundTrips - before} queries`);
    return result;
  } finally {
    await target.close();
  }
}

export type { Target };

export async function openTarget(options: TargetOptions & { readonly signal?: AbortSignal }): Promise<Target> {
  const limits = {
    ...(options.statementTimeoutMs !== undefined ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
    ...(options.redact !== undefined ? { redact: options.redact } : {}),
  };
  if (options.emulator) {
    const emulator = await openEmulator({ ...options.emulator, writeState: false });
    try {
      const db = await connect({ url: emulator.url, env: {}, ...limits, ...(options.debug ? { debug: options.debug } : {}) });
      return { db, close: async () => { await db.close(); await emulator.stop(); } };
    } catch (err) {
      await emulator.stop();
      throw err;
    }
  }
  const db = await connect({
    ...(options.url !== undefined ? { url: options.url } : {}),
    env: options.env,
    ...limits,
    ...(options.debug ? { debug: options.debug } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { db, close: () => db.close() };
}

/**
 * --rotate-secret names: the full `database.schema.name`, `schema.name`, or
 * the bare name when only one declared secret has it.
 */
export function resolveSecretNames(desired: DesiredState, names: readonly string[]): ObjectName[] {
  const secrets = desired.objects.filter((o) => o.kind === 'secret').map((o) => o.name);
  return names.map((given) => {
    const matches = secrets.filter(
      (n) => displayName(n) === given || `${n.database}.${n.schema}.${n.name}` === given || `${n.schema}.${n.name}` === given || n.name === given,
    );
    if (matches.length === 1) return matches[0] as ObjectName;
    if (matches.length === 0) throw new InputError('flags.unknown-secret', `--rotate-secret ${given}: the manifest declares no such secret`);
    throw new InputError('flags.ambiguous-secret', `--rotate-secret ${given} matches ${matches.map(displayName).join(', ')}; give the full name`);
  });
}
