import { RuntimeError } from '../errors.js';

export interface RunningEmulator {
  readonly url: string;
  stop(): Promise<void>;
}

/** An in-process emulator on a free loopback port, empty or loaded from a state file. */
export async function openEmulator(stateFile: string | undefined): Promise<RunningEmulator> {
  // Resolved at run time so that planning against a server does not load the emulator's engine.
  const modulePath = '../emulator/index.js';
  let mod: { startEmulator?: (o: { port: number; host: string; stateFile?: string }) => Promise<RunningEmulator> };
  try {
    mod = (await import(modulePath)) as typeof mod;
  } catch (err) {
    throw new RuntimeError('emulator.unavailable', 'the emulator is not available in this build', { cause: err });
  }
  if (!mod.startEmulator) throw new RuntimeError('emulator.unavailable', 'the emulator is not available in this build');
  return mod.startEmulator({ port: 0, host: '127.0.0.1', ...(stateFile ? { stateFile } : {}) });
}
