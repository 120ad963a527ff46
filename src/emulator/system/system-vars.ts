import { tokenize } from '../../sql/lexer.js';
import { MzError } from '../errors.js';

/**
 * The system variables the emulator knows, with Materialize's defaults. Only
 * feature flags that change what the emulator's planner accepts are listed.
 */
const DEFAULTS: ReadonlyMap<string, string> = new Map([
  // src/sql/src/session/vars/definitions.rs:1937: off unless `ALTER SYSTEM SET enable_kafka_broker_matching_rules = true`.
  ['enable_kafka_broker_matching_rules', 'off'],
]);

/** A feature flag: the variable that turns it on and the feature's description, which Materialize's refusal names. */
export interface FeatureFlag {
  readonly variable: string;
  readonly description: string;
}

/** src/sql/src/session/vars/definitions.rs:1937-1941. */
export const KAFKA_BROKER_MATCHING_RULES: FeatureFlag = {
  variable: 'enable_kafka_broker_matching_rules',
  description: 'MATCHING broker rules in BROKERS for Kafka PrivateLink connections',
};

/** What planning reads of the system variables. */
export interface SystemVarsView {
  enabled(flag: FeatureFlag): boolean;
}

/**
 * Materialize's refusal when a feature flag is off (src/sql/src/session/vars/errors.rs:90-128:
 * "{desc} is not available", the detail naming the variable, the support hint);
 * a PlanError, so SQLSTATE XX000 (src/adapter/src/error.rs:631).
 */
export function requireFeature(vars: SystemVarsView, flag: FeatureFlag): void {
  if (vars.enabled(flag)) return;
  throw new MzError(`${flag.description} is not available`, {
    detail: `The requested feature (${flag.variable}) is in private preview.`,
    hint: 'Contact support to discuss enabling the feature in your Materialize region.',
  });
}

const TRUE_WORDS = new Set(['on', 'true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['off', 'false', 'f', 'no', 'n', '0']);

/** The system variables of one emulator: set by `ALTER SYSTEM SET`, back to the default by `ALTER SYSTEM RESET`. */
export class SystemVars implements SystemVarsView {
  private readonly values = new Map<string, string>();

  enabled(flag: FeatureFlag): boolean {
    return (this.values.get(flag.variable) ?? DEFAULTS.get(flag.variable)) === 'on';
  }

  /** The values ALTER SYSTEM set, by name, sorted: what a state file keeps (Materialize keeps them across restarts). */
  saved(): Record<string, string> {
    return Object.fromEntries([...this.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Puts back values from `saved()`; an unknown name or a value other than on/off is refused. */
  restore(saved: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(saved)) {
      if (value !== 'on' && value !== 'off') throw new MzError(`parameter "${name}" requires a "boolean" value`);
      this.values.set(known(name), value);
    }
  }

  /** Runs `ALTER SYSTEM SET name {= | TO} value | DEFAULT`, `ALTER SYSTEM RESET name` or `ALTER SYSTEM RESET ALL`. */
  alter(text: string): { tag: string } {
    const words = tokenize(text)
      .filter((t) => t.kind !== 'eof')
      .map((t) => ({ kind: t.kind, value: t.value }));
    const [alter, system, action, name, ...rest] = words;
    if (alter?.value !== 'alter' || system?.value !== 'system' || (action?.value !== 'set' && action?.value !== 'reset') || !name) {
      // src/sql-parser/src/parser.rs:6075 (Materialize adds ", found <token>").
      throw new MzError('Expected one of SET or RESET', { sqlstate: '42601' });
    }
    if (action.value === 'reset') {
      if (name.value === 'all' && rest.length === 0) this.values.clear();
      else this.values.delete(known(name.value));
      return { tag: 'ALTER SYSTEM' };
    }
    const variable = known(name.value);
    // SET needs TO or = before the value (src/sql-parser/src/parser.rs:6082).
    if (rest[0]?.value !== '=' && rest[0]?.value !== 'to') throw new MzError('Expected TO or =', { sqlstate: '42601' });
    const value = rest.slice(1);
    if (value.length !== 1) throw new MzError(`parameter "${variable}" requires a "boolean" value`, { sqlstate: '22023' });
    const given = value[0]!.value.toLowerCase();
    if (given === 'default') this.values.delete(variable);
    else if (TRUE_WORDS.has(given)) this.values.set(variable, 'on');
    else if (FALSE_WORDS.has(given)) this.values.set(variable, 'off');
    else throw new MzError(`parameter "${variable}" requires a "boolean" value`, { sqlstate: '22023' });
    return { tag: 'ALTER SYSTEM' };
  }
}

/** Materialize: `unrecognized configuration parameter "x"` (VarError::UnknownParameter, SQLSTATE 42704). */
function known(name: string): string {
  if (!DEFAULTS.has(name)) throw new MzError(`unrecognized configuration parameter "${name}"`, { sqlstate: '42704' });
  return name;
}
