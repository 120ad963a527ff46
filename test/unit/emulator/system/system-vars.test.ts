import { describe, expect, it } from 'vitest';
import { KAFKA_BROKER_MATCHING_RULES, SystemVars, requireFeature } from '../../../../src/emulator/system/system-vars.js';

/** ALTER SYSTEM SET / RESET of the feature flags the emulator's planner reads (src/sql/src/session/vars/definitions.rs:1937). */
describe('system variables', () => {
  const CASES: [string, readonly string[], boolean][] = [
    ['off by default', [], false],
    ['SET = true', ['ALTER SYSTEM SET enable_kafka_broker_matching_rules = true'], true],
    ['SET TO on', ['ALTER SYSTEM SET enable_kafka_broker_matching_rules TO on'], true],
    ["SET = 'true'", ["ALTER SYSTEM SET enable_kafka_broker_matching_rules = 'true'"], true],
    ['SET then SET false', ['ALTER SYSTEM SET enable_kafka_broker_matching_rules = true', 'ALTER SYSTEM SET enable_kafka_broker_matching_rules = false'], false],
    ['SET then = DEFAULT', ['ALTER SYSTEM SET enable_kafka_broker_matching_rules = true', 'ALTER SYSTEM SET enable_kafka_broker_matching_rules = DEFAULT'], false],
    ['SET then RESET', ['ALTER SYSTEM SET enable_kafka_broker_matching_rules = true', 'ALTER SYSTEM RESET enable_kafka_broker_matching_rules'], false],
    ['SET then RESET ALL', ['ALTER SYSTEM SET enable_kafka_broker_matching_rules = true', 'ALTER SYSTEM RESET ALL'], false],
  ];

  it.each(CASES)('%s', (_label, statements, enabled) => {
    const vars = new SystemVars();
    for (const s of statements) expect(vars.alter(s)).toEqual({ tag: 'ALTER SYSTEM' });
    expect(vars.enabled(KAFKA_BROKER_MATCHING_RULES)).toBe(enabled);
    if (enabled) expect(() => requireFeature(vars, KAFKA_BROKER_MATCHING_RULES)).not.toThrow();
    else expect(() => requireFeature(vars, KAFKA_BROKER_MATCHING_RULES)).toThrow('MATCHING broker rules in BROKERS for Kafka PrivateLink connections is not available');
  });

  it.each([
    ['ALTER SYSTEM SET no_such = true', 'unrecognized configuration parameter "no_such"'],
    ['ALTER SYSTEM SET enable_kafka_broker_matching_rules = maybe', 'parameter "enable_kafka_broker_matching_rules" requires a "boolean" value'],
    ['ALTER SYSTEM enable_kafka_broker_matching_rules', 'Expected one of SET or RESET'],
    ['ALTER SYSTEM SET enable_kafka_broker_matching_rules true', 'Expected TO or ='],
  ])('refuses %s', (sql, message) => {
    expect(() => new SystemVars().alter(sql)).toThrow(message);
  });
});
