import { type EmulatorOptions, type Fault, type RunningEmulator, startEmulator as start } from '../../../src/emulator/index.js';

/** The in-process emulator as the tests use it: on a free loopback port, with its test hooks. */
export type Emulator = RunningEmulator;
export type { Fault };

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return start({ port: 0, host: '127.0.0.1', ...options });
}

export function injectFault(emulator: Emulator, fault: Fault): void {
  emulator.control.injectFault(fault);
}

export function clearFaults(emulator: Emulator): void {
  emulator.control.clearFaults();
}

export function statementCount(emulator: Emulator): number {
  return emulator.control.statementCount();
}

export function resetCounters(emulator: Emulator): void {
  emulator.control.resetCounters();
}
