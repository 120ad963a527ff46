import type { AlterChange, Change, CreateChange, ReplaceChange } from '../diff/index.js';
import { displayName } from '../model/index.js';

/**
 * What a plan sends that Materialize accepts only behind a feature flag, said
 * before apply: ordinary users cannot read Materialize's feature flags, so
 * mzform cannot check them, and without the flag the statement fails when
 * apply reaches it (after the steps before it have run).
 *
 * MATCHING broker rules: `enable_kafka_broker_matching_rules`, private preview
 * (Materialize src/sql/src/plan/statement/ddl/connection.rs:319-320); sent by
 * CREATE CONNECTION, and by ALTER CONNECTION only when the brokers change.
 */
export function featureFlagNotes(changes: readonly Change[]): string[] {
  const names = changes.filter(sendsMatchingRules).map((c) => displayName(c.object.name));
  if (names.length === 0) return [];
  return [
    `${names.join(', ')} ${names.length === 1 ? 'uses' : 'use'} Kafka MATCHING broker rules, which Materialize accepts only while its feature flag enable_kafka_broker_matching_rules is on (private preview, turned on by a superuser); mzform cannot read the flag, so make sure it is on before apply.`,
  ];
}

function sendsMatchingRules(change: Change): change is CreateChange | ReplaceChange | AlterChange {
  if (change.action !== 'create' && change.action !== 'replace' && change.action !== 'alter') return false;
  const spec = change.object.kind === 'connection' ? change.object.spec : undefined;
  if (spec?.type !== 'kafka' || !(spec.brokers ?? []).some((b) => b.matching === true)) return false;
  return change.action !== 'alter' || change.alterations.some((a) => a.kind === 'connection-options' && a.fields.includes('brokers'));
}
