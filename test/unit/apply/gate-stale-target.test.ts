import { describe, expect, it } from 'vitest';
import { blockedSteps, checkHazards, type DeferredChange, deferredWarning, parseAllowedHazards, selectTargets, staleObjects } from '../../../src/apply/index.js';
import { RefusedError } from '../../../src/errors.js';
import type { ActualState } from '../../../src/model/index.js';
import { loadDesired, planChanges } from '../../../src/pipeline/index.js';
import type { HazardCode, Plan, Step } from '../../../src/plan/index.js';
import { env, EMPTY } from './plans.js';

const n = (name: string) => ({ database: 'materialize', schema: 'public', name });
const step = (id: string, codes: HazardCode[]): Step => ({
  id,
  action: codes.length > 0 ? 'drop' : 'create',
  objectKind: 'connection',
  name: n(`c${id}`),
  statements: [],
  hazards: codes.map((code) => ({ code, message: `${code} on c${id}` })),
  fields: [],
});
const plan = (steps: Step[], fingerprints: Record<string, string> = {}): Plan => ({
  formatVersion: 1,
  steps,
  unmanaged: [],
  summary: { create: 0, alter: 0, replace: 0, drop: 0 },
  catalogFingerprints: fingerprints,
  warnings: [],
});

describe('hazard gate', () => {
  const hazardous = plan([step('1', []), step('2', ['drop', 'ssh-key-loss']), step('3', ['source-recreate'])]);

  it.each<[string, string[], string[]]>([
    ['nothing allowed', [], ['2', '3']],
    ['some allowed', ['drop'], ['2', '3']],
    ['comma-separated and repeated', ['drop,ssh-key-loss', 'source-recreate'], []],
    ['everything allowed', ['drop,ssh-key-loss,source-recreate'], []],
  ])('%s', (_name, flags, blocked) => {
    expect(blockedSteps(hazardous, parseAllowedHazards(flags)).map((b) => b.step.id)).toEqual(blocked);
  });

  it('refuses with exit code 4, naming each step and the exact flag to allow them', () => {
    const err = (() => {
      try {
        checkHazards(hazardous, parseAllowedHazards(['drop']));
      } catch (e) {
        return e as RefusedError;
      }
      throw new Error('not refused');
    })();
    expect(err).toBeInstanceOf(RefusedError);
    expect(err.exitCode).toBe(4);
    expect(err.message).toContain('step 2: drop connection materialize.public.c2: ssh-key-loss');
    expect(err.message).toContain('step 3: drop connection materialize.public.c3: source-recreate');
    expect(err.hint).toContain('--allow-hazards drop,source-recreate,ssh-key-loss');
  });

  it('an unknown code is an input error listing the known ones', () => {
    expect(() => parseAllowedHazards(['drop,dorp'])).toThrow(/unknown hazard code dorp/);
  });
});

describe('stale plan', () => {
  const actual = (objects: [string, string, string][]): ActualState => ({
    objects: objects.map(([id, name, fingerprint]) => ({ id, object: { kind: 'secret', name: n(name) }, dependsOn: [], outputs: {}, fingerprint })),
    foreign: [],
  });
  const saved = plan([{ ...step('1', []), name: n('new_one') }], { u1: 'f1', u2: 'f2' });

  it.each<[string, ActualState, { id: string; change: string }[]]>([
    ['unchanged', actual([['u1', 'a', 'f1'], ['u2', 'b', 'f2']]), []],
    ['an unrelated new object', actual([['u1', 'a', 'f1'], ['u2', 'b', 'f2'], ['u3', 'other', 'f3']]), []],
    ['one changed', actual([['u1', 'a', 'f1'], ['u2', 'b', 'changed']]), [{ id: 'u2', change: 'changed' }]],
    ['one dropped', actual([['u1', 'a', 'f1']]), [{ id: 'u2', change: 'removed' }]],
    ['created where the plan creates', actual([['u1', 'a', 'f1'], ['u2', 'b', 'f2'], ['u3', 'new_one', 'f3']]), [{ id: 'u3', change: 'added' }]],
  ])('%s', (_name, now, expected) => {
    expect(staleObjects(saved, now).map(({ id, change }) => ({ id, change }))).toEqual(expected);
  });
});

describe('--target', () => {
  const select = async (targets: string[]) => {
    const desired = await loadDesired('examples/msk-privatelink.yaml', env);
    let deferred: readonly DeferredChange[] = [];
    const p = planChanges(desired, EMPTY, {
      env,
      selectChanges: (changes) => {
        const s = selectTargets(changes, desired, targets);
        deferred = s.deferred;
        return { changes: s.changes, warnings: deferredWarning(s.deferred) };
      },
    });
    return { names: p.steps.map((s) => s.name.name), deferred, warnings: p.warnings };
  };

  it.each<[string[], string[]]>([
    [['privatelink_svc'], ['privatelink_svc']],
    [['materialize.public.privatelink_svc'], ['privatelink_svc']],
    [['kafka_connection'], ['kafka_password', 'privatelink_svc', 'kafka_connection']],
    [['json_source'], ['kafka_password', 'privatelink_svc', 'kafka_connection', 'json_source']],
  ])('%j applies only it and what it depends on', async (targets, expected) => {
    expect((await select(targets)).names.sort()).toEqual([...expected].sort());
  });

  it('says in the plan what is left for a later run', async () => {
    const { deferred, warnings } = await select(['privatelink_svc']);
    expect(deferred.map((d) => `${d.action} ${d.kind} ${d.name}`)).toEqual(['create source materialize.public.json_source', 'create connection materialize.public.kafka_connection', 'create secret materialize.public.kafka_password']);
    expect(warnings.at(-1)).toMatch(/^--target: 3 other changes are left for a later run: /);
  });

  it('lists what it left out once, names grouped by what would happen to them', () => {
    const deferred: DeferredChange[] = [
      { action: 'create', kind: 'source', name: 'materialize.public.a' },
      { action: 'alter', kind: 'connection', name: 'materialize.public.c' },
      { action: 'create', kind: 'source', name: 'materialize.public.b' },
    ];
    expect(deferredWarning(deferred)).toEqual([
      '--target: 3 other changes are left for a later run: create source materialize.public.a, materialize.public.b; alter connection materialize.public.c.',
    ]);
  });

  it.each([['nope', /declares no such object/]])('an unknown name (%s) is an input error', async (target, message) => {
    await expect(select([target])).rejects.toThrow(message);
  });
});
