export interface RunningEmulator {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmulatorTargetOptions {
  /** Load the catalog from this file if it exists. */
  readonly stateFile?: string;
  /** Save the catalog back to `stateFile` on stop (apply); a plan only reads it. */
  readonly writeState: boolean;
}

/**
 * An in-process emulator on a free loopback port, empty or loaded from a
 * state file. The emulator and PGlite are loaded here, on first use, not when
 * the CLI starts: a run against a real server (`--url`) never pays for them.
 */
export async function openEmulator(options: EmulatorTargetOptions): Promise<RunningEmulator> {
  const { startEmulator } = await import('../emulator/index.js');
  return startEmulator({
    port: 0,
    host: '127.0.0.1',
    ...(options.stateFile ? { stateFile: options.stateFile, stateReadOnly: !options.writeState } : {}),
  });
}
