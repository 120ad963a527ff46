import { describe, expect, it } from 'vitest';
import { diff } from '../../../src/diff/index.js';
import type { Connection, MzObject } from '../../../src/model/index.js';
import { buildPlan } from '../../../src/plan/index.js';
import { actualState, desiredState, n } from '../diff/fixtures.js';

/**
 * A plan says when it sends Kafka MATCHING broker rules, which Materialize
 * accepts only behind a feature flag mzform cannot read
 * (src/sql/src/plan/statement/ddl/connection.rs:319-320).
 */
const privatelink: Connection = {
  kind: 'connection',
  name: n('pl'),
  spec: { type: 'aws-privatelink', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc', availabilityZones: ['use1-az1'] },
};
const kafka = (brokers: readonly { address: string; matching?: true }[], saslUsername?: string): Connection => ({
  kind: 'connection',
  name: n('kafka'),
  spec: {
    type: 'kafka',
    brokers: brokers.map((b) => ({ ...b, path: { kind: 'aws-privatelink', connection: n('pl') } })),
    securityProtocol: 'PLAINTEXT',
    ...(saslUsername ? { saslUsername: { kind: 'text', value: saslUsername } } : {}),
  },
} as Connection);

const STATIC = { address: 'b:9092' };
const RULE = { address: '*.use1-az1.*', matching: true as const };

const notesOf = (desired: MzObject[], actual: MzObject[]) => {
  const d = desiredState(desired);
  const a = actualState(actual);
  return buildPlan(diff(d, a, { prune: false }), d, a).warnings?.filter((w) => w.includes('enable_kafka_broker_matching_rules')) ?? [];
};

describe('the feature flag note for MATCHING broker rules', () => {
  it.each<[string, MzObject[], MzObject[], number]>([
    ['a created connection with a rule', [privatelink, kafka([STATIC, RULE])], [privatelink], 1],
    ['a created connection without rules', [privatelink, kafka([STATIC])], [privatelink], 0],
    ['brokers changed to add a rule', [privatelink, kafka([STATIC, RULE])], [privatelink, kafka([STATIC])], 1],
    ['an unchanged connection with a rule', [privatelink, kafka([STATIC, RULE])], [privatelink, kafka([STATIC, RULE])], 0],
    // ALTER CONNECTION sets only what changed: the rules are not sent again.
    ['another option altered beside an unchanged rule', [privatelink, kafka([STATIC, RULE], 'mz2')], [privatelink, kafka([STATIC, RULE], 'mz1')], 0],
  ])('%s', (_label, desired, actual, count) => {
    const notes = notesOf(desired, actual);
    expect(notes).toHaveLength(count);
    if (count > 0) expect(notes[0]).toMatch(/^materialize\.public\.kafka uses Kafka MATCHING broker rules/);
  });
});
