import { readdirSync } from 'node:fs';

/**
 * What the fault matrix applies: every example manifest from empty, and an
 * update (alters, a cascading replace, a prune, a create) from a state that
 * already exists. Paths are relative to the repository root.
 */
export interface Scenario {
  readonly name: string;
  /** Applied cleanly first, when given. */
  readonly before?: string;
  readonly after: string;
}

export const SCENARIOS: readonly Scenario[] = [
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: `${f} from empty`, after: `examples/${f}` })),
  { name: 'update: alter, cascading replace, prune, create', before: 'test/fixtures/reliability/stack-before.yaml', after: 'test/fixtures/reliability/stack-after.yaml' },
];
