import { RuntimeError } from '../errors.js';
import { MinHeap } from './min-heap.js';

/**
 * Orders nodes so that every edge `from -> to` has `from` first (Kahn's
 * algorithm). Among the nodes ready at any moment, the smallest by `compare`
 * goes first, so the order is deterministic. A cycle is an error that names
 * its path.
 */
export function toposort<T>(
  nodes: readonly T[],
  key: (node: T) => string,
  edges: readonly (readonly [string, string])[],
  compare: (a: T, b: T) => number,
  label: (node: T) => string = key,
): T[] {
  const byKey = new Map(nodes.map((n) => [key(n), n]));
  const successors = new Map<string, Set<string>>();
  const indegree = new Map<string, number>(nodes.map((n) => [key(n), 0]));
  for (const [from, to] of edges) {
    if (!byKey.has(from) || !byKey.has(to) || from === to) continue;
    const next = successors.get(from) ?? new Set<string>();
    if (next.has(to)) continue;
    next.add(to);
    successors.set(from, next);
    indegree.set(to, (indegree.get(to) ?? 0) + 1);
  }
  const ready = new MinHeap(compare);
  for (const n of nodes) if (indegree.get(key(n)) === 0) ready.push(n);
  const ordered: T[] = [];
  while (ready.size > 0) {
    const node = ready.pop() as T;
    ordered.push(node);
    for (const to of successors.get(key(node)) ?? []) {
      const left = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, left);
      if (left === 0) ready.push(byKey.get(to) as T);
    }
  }
  if (ordered.length < nodes.length) {
    const cycle = findCycle(
      nodes.filter((n) => (indegree.get(key(n)) ?? 0) > 0).map(key),
      successors,
    );
    throw new RuntimeError('plan.cycle', `dependency cycle: ${cycle.map((k) => label(byKey.get(k) as T)).join(' -> ')}`);
  }
  return ordered;
}

/** A cycle among the nodes Kahn's algorithm could not place, as a closed path (first node repeated at the end). */
function findCycle(remaining: readonly string[], successors: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const left = new Set(remaining);
  const predecessors = new Map<string, string[]>();
  for (const [from, tos] of successors) {
    if (!left.has(from)) continue;
    for (const to of tos) if (left.has(to)) predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
  }
  // Every unplaced node still waits on an unplaced predecessor, so walking predecessors must come back to a node seen before.
  const walk: string[] = [];
  const seenAt = new Map<string, number>();
  let current = [...left].sort()[0] as string;
  while (!seenAt.has(current)) {
    seenAt.set(current, walk.length);
    walk.push(current);
    current = (predecessors.get(current) ?? []).sort()[0] as string;
  }
  const loop = walk.slice(seenAt.get(current)).reverse();
  // Start at the smallest key, so the same cycle is always reported the same way.
  const first = loop.indexOf([...loop].sort()[0] as string);
  const rotated = [...loop.slice(first), ...loop.slice(0, first)];
  return [...rotated, rotated[0] as string];
}
