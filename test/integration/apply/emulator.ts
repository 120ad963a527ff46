import { existsSync } from 'node:fs';

/** The in-process emulator, as the tests use it. Its fault injection is reached through `faults`. */
export interface Emulator {
  url: string;
  stop(): Promise<void>;
  // biome-ignore lint: the emulator's own type
  [key: string]: unknown;
}

export const emulatorAvailable = existsSync('src/emulator/index.ts');

const modulePath = '../../../src/emulator/index.js';

export async function startEmulator(options: Record<string, unknown> = {}): Promise<Emulator> {
  const mod = (await import(modulePath)) as { startEmulator: (o: Record<string, unknown>) => Promise<Emulator> };
  return mod.startEmulator({ port: 0, host: '127.0.0.1', ...options });
}

export type Fault =
  | { readonly kind: 'close-after'; readonly statements: number }
  | { readonly kind: 'fail-matching'; readonly pattern: string; readonly message: string; readonly sqlstate?: string };

interface WithControl {
  control: { injectFault(f: Fault): void; clearFaults(): void; statementCount(): number; resetCounters(): void };
}

export function injectFault(emulator: Emulator, fault: Fault): void {
  (emulator as unknown as WithControl).control.injectFault(fault);
}

export function clearFaults(emulator: Emulator): void {
  (emulator as unknown as WithControl).control.clearFaults();
}

export function statementCount(emulator: Emulator): number {
  return (emulator as unknown as WithControl).control.statementCount();
}

export function resetCounters(emulator: Emulator): void {
  (emulator as unknown as WithControl).control.resetCounters();
}
