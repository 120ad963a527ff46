/** The signals that stop an apply between statements: Ctrl-C, and what CI sends on cancel or timeout. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** What stopped the run, for messages: the signal given as the abort reason (SIGINT reads Ctrl-C). */
export function interruptName(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'Ctrl-C';
}
