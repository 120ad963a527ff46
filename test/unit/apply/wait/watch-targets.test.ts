import { describe, expect, it } from 'vitest';
import { gateConnections, watchTargets } from '../../../../src/apply/index.js';
import type { StepResult } from '../../../../src/apply/index.js';
import { displayName } from '../../../../src/model/index.js';
import { loadDesired } from '../../../../src/pipeline/index.js';

const env = new Proxy({}, { get: () => 'x' }) as Record<string, string>;

describe('what apply --wait waits for', () => {
  const cases: [string, string[]][] = [
    ['examples/msk-privatelink.yaml', ['aws-privatelink materialize.public.privatelink_svc']],
    ['examples/kafka-ssh-tunnel.yaml', ['ssh-tunnel materialize.public.ssh_connection']],
    ['examples/msk-public-scram.yaml', []],
  ];
  for (const [file, gates] of cases) {
    it(`gates of ${file}: the tunnels and PrivateLink connections something goes through`, async () => {
      const desired = await loadDesired(file, env);
      expect(gateConnections(desired).map((g) => `${g.kind} ${displayName(g.name)}`)).toEqual(gates);
    });
  }

  it('after an apply: the sources and PrivateLink connections it made; after a no-op apply: all of them (a second run resumes)', async () => {
    const desired = await loadDesired('examples/msk-privatelink.yaml', env);
    const step = (n: string, kind: StepResult['objectKind'], action: StepResult['action'] = 'create'): StepResult => ({
      id: '1', action, objectKind: kind, name: { database: 'materialize', schema: 'public', name: n }, status: 'done', statementsRun: 1, statementsTotal: 1,
    });
    const names = (steps: StepResult[]) => watchTargets(steps, desired.objects).map((t) => `${t.kind} ${t.name.name}`);
    expect(names([step('kafka_password', 'secret'), step('kafka_connection', 'connection'), step('json_source', 'source')])).toEqual(['source json_source']);
    expect(names([])).toEqual(['source json_source', 'aws-privatelink privatelink_svc']);
    expect(names([step('json_source', 'source', 'drop')])).toEqual([]);
  });

  it('tables from sources: the ones an apply created are watched, from the manifest or a saved plan\'s steps', async () => {
    const desired = await loadDesired('examples/load-generator-source-tables.yaml', env);
    const step = (n: string, kind: StepResult['objectKind']): StepResult => ({
      id: '1', action: 'create', objectKind: kind, name: { database: 'materialize', schema: 'public', name: n }, status: 'done', statementsRun: 1, statementsTotal: 1,
    });
    const steps = [step('auction_house', 'source'), step('bids', 'table')];
    expect(watchTargets(steps, desired.objects).map((t) => `${t.kind} ${t.name.name}`)).toEqual(['source auction_house', 'table bids']);
    expect(watchTargets(steps, undefined).map((t) => `${t.kind} ${t.name.name}`)).toEqual(['source auction_house', 'table bids']);
    expect(watchTargets([], desired.objects).map((t) => `${t.kind} ${t.name.name}`)).toEqual(['table accounts', 'source auction_house', 'table bids', 'source counter']);
  });
});
