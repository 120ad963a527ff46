import { startEmulator } from '../emulator/index.js';

export interface RunningEmulator {
  readonly url: string;
  stop(): Promise<void>;
}

/** An in-process emulator on a free loopback port, empty or loaded from a state file (saved back on stop). */
export async function openEmulator(stateFile: string | undefined): Promise<RunningEmulator> {
  return startEmulator({ port: 0, host: '127.0.0.1', ...(stateFile ? { stateFile } : {}) });
}
