import { Engine } from './engine.js';
import { Emulator } from './emulator.js';
import type { Fault } from './faults.js';
import type { QueryLogEntry } from './query-log.js';
import { Session } from './session/session.js';
import { defaultSettings, parseVersion } from './settings.js';
import { type LifecycleOptions, applyLifecycleOptions } from './lifecycle/settings.js';
import { loadState } from './state-file.js';
import { SystemVars } from './system/system-vars.js';
import { lockStateFile, type StateLock } from './state-lock.js';
import { WireServer } from './wire/server.js';

export type { Fault } from './faults.js';
export type { QueryLogEntry } from './query-log.js';
export type { LifecycleOptions } from './lifecycle/settings.js';
export { EMULATED_VERSION } from './version.js';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /**
   * Load the catalog from this file if it exists; `stop()` saves it back
   * (making its folder if needed). While it runs, the emulator holds
   * `<stateFile>.lock`: a second emulator on the same file is refused.
   */
  readonly stateFile?: string;
  /** Only load `stateFile`: never save it back, and take no lock (for runs that only read, like a plan). */
  readonly stateReadOnly?: boolean;
  /** A folder `EMULATOR SAVE '<name>.json'` from a client may write to; otherwise it may write only `stateFile`. */
  readonly saveDirectory?: string;
  /** Hosts (`host` or `host:port`) whose validation fails as unreachable. */
  readonly unreachableHosts?: readonly string[];
  /** Kafka topics that do not exist. */
  readonly missingTopics?: readonly string[];
  /** Upstream tables (`schema.table`) per Postgres / MySQL host, for FOR ALL TABLES / FOR SCHEMAS. */
  readonly upstreamTables?: Readonly<Record<string, readonly string[]>>;
  /** The Materialize version to follow where v26 releases differ (default v26.7.0), e.g. `v26.19.0`. */
  readonly version?: string;
  /** Faults armed from the start. */
  readonly faults?: readonly Fault[];
  /** How PrivateLink connections and sources move through their statuses; absent: available and running at once. */
  readonly lifecycle?: LifecycleOptions;
  /** Require this password (cleartext auth); absent means no password, as a local Materialize. */
  readonly password?: string;
}

/** Test hooks of a running emulator. */
export interface EmulatorControl {
  queryLog(): readonly QueryLogEntry[];
  statementCount(): number;
  resetCounters(): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  save(file: string): Promise<void>;
}

export interface RunningEmulator {
  /** `postgres://materialize@127.0.0.1:PORT/materialize` */
  readonly url: string;
  readonly port: number;
  readonly control: EmulatorControl;
  /** Closes every client connection and the server; saves to `stateFile` when one was given. */
  stop(): Promise<void>;
}

/** Starts a Materialize emulator serving the Postgres wire protocol, in this process. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const settings = { ...defaultSettings(), ...(options.version !== undefined ? { version: `v${parseVersion(options.version).join('.')}` } : {}) };
  for (const h of options.unreachableHosts ?? []) settings.unreachableHosts.add(h);
  for (const t of options.missingTopics ?? []) settings.missingTopics.add(t);
  for (const [h, tables] of Object.entries(options.upstreamTables ?? {})) settings.upstreamTables.set(h, [...tables]);
  applyLifecycleOptions(settings.lifecycle, options.lifecycle);

  const writesState = options.stateFile !== undefined && !options.stateReadOnly;
  const lock: StateLock | undefined = writesState ? await lockStateFile(options.stateFile!) : undefined;
  let engine: Engine | undefined;
  let emulator: Emulator;
  try {
    // The state file first: a bad one is reported before the engine's start is paid for.
    const systemVars = new SystemVars();
    const loaded = options.stateFile ? await loadState(options.stateFile, settings, systemVars) : undefined;
    engine = await Engine.start();
    emulator = Emulator.fresh(engine, settings, loaded, systemVars);
    emulator.saveTargets = {
      ...(writesState ? { stateFile: options.stateFile! } : {}),
      ...(options.saveDirectory !== undefined ? { directory: options.saveDirectory } : {}),
    };
    await emulator.writeAll();
  } catch (err) {
    await engine?.close();
    await lock?.release();
    throw err;
  }
  for (const fault of options.faults ?? []) emulator.faults.inject(fault);

  let sessions = 0;
  const host = options.host ?? '127.0.0.1';
  const server = new WireServer({
    host,
    port: options.port ?? 0,
    ...(options.password !== undefined ? { password: options.password } : {}),
    openSession: (params) => new Session(emulator, ++sessions, params),
  });
  let port: number;
  try {
    port = await server.listen();
  } catch (err) {
    await engine.close();
    await lock?.release();
    throw err;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let stopped = false;
  return {
    url: `postgres://materialize@${urlHost}:${port}/materialize`,
    port,
    control: {
      queryLog: () => emulator.log.list(),
      statementCount: () => emulator.log.statementCount(),
      resetCounters: () => emulator.log.reset(),
      injectFault: (fault) => emulator.faults.inject(fault),
      clearFaults: () => emulator.faults.clear(),
      save: (file) => emulator.save(file),
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      emulator.faults.stop();
      await server.close();
      try {
        if (writesState) await emulator.save(options.stateFile!);
      } finally {
        await engine.close();
        await lock?.release();
      }
    },
  };
}
