import { describe, expect, it } from 'vitest';
import { type Change, diff } from '../../../src/diff/index.js';
import type { DesiredState, MzObject, Rename } from '../../../src/model/index.js';
import { planChanges } from '../../../src/pipeline/index.js';
import { actualState, desiredState, kafkaConnection, kafkaSource, n, pgConnection, sshTunnel } from './fixtures.js';

/**
 * `renamed_from:` (Terraform's `moved`): the object under its old name is
 * matched with the manifest's new one and renamed in place. Materialize
 * renames any item within its schema (src/sql/src/plan/statement/ddl.rs:6552)
 * and rewrites its dependents' create_sql (src/adapter/src/catalog/transact.rs:2236-2266).
 */
const renamed = (objects: MzObject[], ...renames: Rename[]): DesiredState => ({ ...desiredState(objects), renames });
const rename = (kind: Rename['kind'], from: string, to: string): Rename => ({ kind, from: n(from), to: n(to) });
const env = { MZFORM_FINGERPRINT_KEY: 'k' };
const withName = <T extends MzObject>(o: T, name: string): T => ({ ...o, name: n(name) });

describe('a declared rename', () => {
  it('is one ALTER ... RENAME TO, and the source that uses the connection is no change', () => {
    const kafka = (tunnel: string) =>
      ({ ...kafkaConnection('kafka'), spec: { ...kafkaConnection('kafka').spec, brokers: [{ address: 'b:9092', path: { kind: 'ssh-tunnel', connection: n(tunnel) } }] } }) as unknown as MzObject;
    const before = [sshTunnel('bastion'), kafka('bastion')];
    const after = [sshTunnel('bastion_eu'), kafka('bastion_eu')];
    const plan = planChanges(renamed(after, rename('connection', 'bastion', 'bastion_eu')), actualState(before), { env });
    expect(plan.steps.map((s) => [s.action, s.name.name, s.statements.map((st) => st.sql), s.hazards])).toEqual([
      ['alter', 'bastion_eu', ['ALTER CONNECTION "materialize"."public"."bastion" RENAME TO "bastion_eu"'], []],
    ]);
    expect(plan.unmanaged).toEqual([]);
  });

  it('renames first, then alters what else changed under the new name', () => {
    const before = kafkaSource('orders', 'kafka');
    const after = { ...withName(before, 'orders_v1'), retainHistory: '1h' };
    const changes = diff(renamed([kafkaConnection('kafka'), after], rename('source', 'orders', 'orders_v1')), actualState([kafkaConnection('kafka'), before]));
    const change = changes.find((c) => c.action === 'alter') as Extract<Change, { action: 'alter' }>;
    expect(change.fields.map((f) => f.field)).toEqual(['name', 'retain_history']);
    const plan = planChanges(renamed([kafkaConnection('kafka'), after], rename('source', 'orders', 'orders_v1')), actualState([kafkaConnection('kafka'), before]), { env });
    expect(plan.steps.flatMap((s) => s.statements.map((st) => st.sql))).toEqual([
      'ALTER SOURCE "materialize"."public"."orders" RENAME TO "orders_v1"',
      'ALTER SOURCE "materialize"."public"."orders_v1" SET (RETAIN HISTORY = FOR \'1h\')',
    ]);
  });

  it('needing a replace anyway, drops the old name and creates the new one (no rename)', () => {
    const before = kafkaSource('orders', 'kafka');
    const after = { ...withName(before, 'orders_v1'), spec: { ...before.spec, topic: 'other' } } as MzObject;
    const plan = planChanges(renamed([kafkaConnection('kafka'), after], rename('source', 'orders', 'orders_v1')), actualState([kafkaConnection('kafka'), before]), { env });
    expect(plan.steps.flatMap((s) => s.statements.map((st) => st.sql))).toEqual([
      'DROP SOURCE "materialize"."public"."orders"',
      expect.stringMatching(/^CREATE SOURCE "materialize"."public"."orders_v1" /),
    ]);
  });

  it.each([
    ['already applied (only the new name exists): no change', [pgConnection('pg2')], 'no-op'],
    ['neither name exists: a create', [], 'create'],
  ] as const)('%s', (_title, catalog, action) => {
    const changes = diff(renamed([pgConnection('pg2')], rename('connection', 'pg', 'pg2')), actualState([...catalog]));
    expect(changes.map((c) => c.action)).toEqual([action]);
  });

  it('runs before an object that takes the old name is created', () => {
    const plan = planChanges(
      renamed([withName(pgConnection('pg'), 'pg_old'), pgConnection('pg')], rename('connection', 'pg', 'pg_old')),
      actualState([pgConnection('pg')]),
      { env },
    );
    expect(plan.steps.map((s) => `${s.action} ${s.name.name}`)).toEqual(['alter pg_old', 'create pg']);
  });

  it.each([
    ['both names exist', [pgConnection('pg'), pgConnection('pg2')], /connection materialize\.public\.pg2 is declared as renamed from materialize\.public\.pg, but both exist in Materialize/],
    ['the old name is another kind', [sshTunnel('x'), { kind: 'secret', name: n('pg') } as MzObject], /which is a secret/],
  ])('refuses when %s', (_title, catalog, message) => {
    expect(() => diff(renamed([pgConnection('pg2')], rename('connection', 'pg', 'pg2')), actualState(catalog))).toThrow(message);
  });
});
