import { describe, expect, it } from 'vitest';
import { diff } from '../../../src/diff/index.js';
import type { ActualState, ForeignObject, MzObject, Source } from '../../../src/model/index.js';
import { buildPlan } from '../../../src/plan/index.js';
import { actualState, desiredState, kafkaConnection, kafkaSource, n, pgConnection, pgSource, sshTunnel } from './fixtures.js';

/**
 * A replace or a drop that would take a user's object with it (a view, a
 * materialized view, an index, a sink, a table, an object mzform cannot read,
 * or a subsource outside the schemas the manifest manages) is refused before
 * anything runs, naming the object; CASCADE only ever drops a source's own
 * subsources inside the managed schemas. Catalog rows as mz_object_dependencies
 * and mz_objects give them (ids: u1 connection, u2 source).
 */
const withForeign = (state: ActualState, ...foreign: ForeignObject[]): ActualState => ({ ...state, foreign });

const kafka = (topic: string): Source => {
  const s = kafkaSource('orders', 'k');
  return { ...s, spec: { ...s.spec, topic } } as Source;
};

function planOf(desired: MzObject[], actual: ActualState, prune = false) {
  const d = desiredState(desired, { prune });
  return buildPlan(diff(d, actual, { prune }), d, actual);
}

describe("user objects a plan would take with it", () => {
  const kafkaActual = actualState([kafkaConnection('k'), kafka('orders')]);

  it.each<[string, ForeignObject[], RegExp]>([
    ['a view over the source', [{ id: 'u9', type: 'view', name: n('v', 'analytics'), dependsOn: ['u2'] }], /view materialize\.analytics\.v depends on it/],
    ['a materialized view over that view', [{ id: 'u9', type: 'view', name: n('v'), dependsOn: ['u2'] }, { id: 'u10', type: 'materialized-view', name: n('mv'), dependsOn: ['u9'] }], /materialized view materialize\.public\.mv, view materialize\.public\.v depend on it/],
    ['a sink', [{ id: 'u9', type: 'sink', name: n('out'), dependsOn: ['u2'] }], /sink materialize\.public\.out depends on it/],
    ['an object mzform cannot read', [{ id: 'u9', type: 'load-generator', name: n('kv'), dependsOn: ['u2'], unreadable: { kind: 'source', reason: 'x' } }], /load generator materialize\.public\.kv depends on it/],
  ])('%s: the replace is refused, naming it', (_title, foreign, message) => {
    expect(() => planOf([kafkaConnection('k'), kafka('changed')], withForeign(kafkaActual, ...foreign))).toThrow(message);
  });

  it('a drop (pruning) that would take a view is refused, naming it', () => {
    const actual = withForeign(kafkaActual, { id: 'u9', type: 'view', name: n('v'), dependsOn: ['u2'] });
    expect(() => planOf([kafkaConnection('k')], actual, true)).toThrow(/source materialize\.public\.orders must be dropped, but view materialize\.public\.v depends on it/);
  });

  it("a connection's replace reaches the views over the sources it re-creates", () => {
    const pg = pgConnection('pg');
    const actual = withForeign(actualState([pg, pgSource('shop', 'pg')]), { id: 'u9', type: 'view', name: n('v'), dependsOn: ['u2'] });
    // A tunnel added to a Postgres connection cannot be altered in: the connection, and its source, are re-created.
    expect(() => planOf([sshTunnel('tun'), pgConnection('pg', 'tun'), pgSource('shop', 'pg')], actual)).toThrow(/source materialize\.public\.shop must be replaced, but view materialize\.public\.v depends on it/);
  });

  describe('subsources', () => {
    const pgActual = actualState([pgConnection('pg'), pgSource('shop', 'pg', ['orders'])]);
    const sub = (schema: string): ForeignObject => ({ id: 'u7', type: 'subsource', name: n('orders', schema), dependsOn: ['u2'] });
    const base = pgSource('shop', 'pg');
    // Another publication: the source is re-created.
    const desired = [pgConnection('pg'), { ...base, spec: { ...base.spec, publication: 'other' } } as Source];

    it('in a managed schema: dropped with the source by CASCADE, shown as a hazard', () => {
      const plan = planOf([pgConnection('pg'), ...desired.slice(1)], withForeign(pgActual, sub('public')));
      const drop = plan.steps.find((s) => s.action === 'replace' && s.phase === 'drop');
      expect(drop?.statements.map((st) => st.sql)).toEqual(['DROP SOURCE "materialize"."public"."shop" CASCADE']);
      expect(drop?.hazards.map((h) => h.code)).toContain('drop-cascade');
    });

    it('in a schema the manifest does not manage: refused, never dropped by CASCADE', () => {
      expect(() => planOf([pgConnection('pg'), ...desired.slice(1)], withForeign(pgActual, sub('elsewhere')))).toThrow(
        /subsource materialize\.elsewhere\.orders \(in a schema the manifest does not manage\) depends on it/,
      );
    });

    it('a view over a subsource: refused, naming the view', () => {
      const view: ForeignObject = { id: 'u8', type: 'view', name: n('recent'), dependsOn: ['u7'] };
      expect(() => planOf([pgConnection('pg'), ...desired.slice(1)], withForeign(pgActual, sub('public'), view))).toThrow(/view materialize\.public\.recent depends on it/);
    });
  });
});
