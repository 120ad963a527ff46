import { describe, expect, it } from 'vitest';
import { bodyHasMarker, decideCommentAction, driftIssueMarker, planCommentMarker } from '../../../src/github/index.js';

const marker = planCommentMarker({ manifest: 'materialize.yaml', environment: 'production' });

describe('planCommentMarker', () => {
  it.each([
    [{ manifest: 'materialize.yaml', environment: 'production' }, '<!-- mzform:plan manifest=materialize.yaml env=production -->'],
    [{ manifest: './config/materialize.yaml', environment: 'staging' }, '<!-- mzform:plan manifest=config/materialize.yaml env=staging -->'],
    [{ manifest: 'config\\mz.yaml', environment: 'default' }, '<!-- mzform:plan manifest=config/mz.yaml env=default -->'],
    [{ manifest: 'a b.yaml', environment: 'x y' }, '<!-- mzform:plan manifest=a%20b.yaml env=x%20y -->'],
    // Nothing a path or name holds can end the comment or add a field.
    [{ manifest: 'x-->.yaml', environment: 'e env=prod' }, '<!-- mzform:plan manifest=x--%3E.yaml env=e%20env%3Dprod -->'],
  ])('%j -> %s', (key, expected) => {
    expect(planCommentMarker(key)).toBe(expected);
  });

  it('keeps plan comments and drift issues apart', () => {
    const key = { manifest: 'materialize.yaml', environment: 'production' };
    expect(driftIssueMarker(key)).toBe('<!-- mzform:drift manifest=materialize.yaml env=production -->');
    expect(bodyHasMarker(`${driftIssueMarker(key)}\nbody`, planCommentMarker(key))).toBe(false);
  });
});

describe('decideCommentAction', () => {
  const other = planCommentMarker({ manifest: 'materialize.yaml', environment: 'staging' });
  it.each([
    ['no comments', [], { action: 'create' }],
    ['only comments by people', [{ id: 1, body: 'LGTM' }, { id: 2, body: null }, { id: 3 }], { action: 'create' }],
    ['the plan of another environment', [{ id: 4, body: `${other}\n## mzform plan` }], { action: 'create' }],
    ['its own comment', [{ id: 1, body: 'LGTM' }, { id: 7, body: `${marker}\n## mzform plan` }], { action: 'update', id: 7 }],
    ['its own comment with CRLF', [{ id: 8, body: `${marker}\r\n## mzform plan` }], { action: 'update', id: 8 }],
    ['two of its own (a race): the oldest', [{ id: 12, body: `${marker}\nb` }, { id: 9, body: `${marker}\na` }], { action: 'update', id: 9 }],
    ['the marker quoted in a reply is not its comment', [{ id: 5, body: `> ${marker}\nwhy?` }], { action: 'create' }],
    ['the marker further down is not its comment', [{ id: 6, body: `see:\n${marker}` }], { action: 'create' }],
    ['a marker with a longer manifest path is not its own', [{ id: 10, body: marker.replace('materialize.yaml', 'materialize.yaml.bak') }], { action: 'create' }],
  ])('%s', (_name, existing, expected) => {
    expect(decideCommentAction(existing, marker)).toEqual(expected);
  });
});
