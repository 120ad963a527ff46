import { describe, expect, it } from 'vitest';
import { collectOutputs } from '../../../src/apply/index.js';
import type { ActualObject, ActualState, ConnectionSpec, ObjectOutputs } from '../../../src/model/index.js';

const actual = (id: string, name: string, spec: ConnectionSpec, outputs: ObjectOutputs): ActualObject => ({
  id,
  object: { kind: 'connection', name: { database: 'materialize', schema: 'public', name }, spec },
  dependsOn: [],
  outputs,
  fingerprint: id,
});

describe('collectOutputs', () => {
  it('lists an AWS connection with an external id, and none for one with access keys', () => {
    const state: ActualState = {
      objects: [
        actual('u1', 'role', { type: 'aws', assumeRoleArn: 'arn:aws:iam::000000000000:role/x' } as ConnectionSpec, { externalId: 'mz_1_u1' }),
        actual('u2', 'keys', { type: 'aws', accessKeyId: { text: 'AKIA' }, secretAccessKey: { database: 'materialize', schema: 'public', name: 's' } } as unknown as ConnectionSpec, {}),
      ],
      foreign: [],
    };
    expect(collectOutputs(state, () => true)).toEqual([{ name: { database: 'materialize', schema: 'public', name: 'role' }, type: 'aws', externalId: 'mz_1_u1' }]);
  });
});
