/** One statement as the emulator received it; CREATE/ALTER SECRET values are replaced by `'********'`. */
export interface QueryLogEntry {
  /** 1-based position since the emulator started (or since `resetCounters`). */
  readonly seq: number;
  /** The client connection it came on, numbered from 1 in order of arrival. */
  readonly session: number;
  readonly statement: string;
}

/**
 * The statements clients sent, in order, for tests to assert on: how many
 * round trips introspection takes, what apply ran. Emulator control commands
 * are not logged.
 */
export class QueryLog {
  private entries: QueryLogEntry[] = [];
  private count = 0;

  record(session: number, statement: string): void {
    this.count += 1;
    this.entries.push({ seq: this.count, session, statement });
  }

  list(): readonly QueryLogEntry[] {
    return [...this.entries];
  }

  statementCount(): number {
    return this.count;
  }

  reset(): void {
    this.entries = [];
    this.count = 0;
  }
}
