import type { Value } from '../../sql/ast.js';
import type { CatalogStore, Item } from './store.js';

/**
 * What depends on what (mz_internal.mz_object_dependencies): the ids an
 * item's definition names. DROP refuses, or cascades, along these edges.
 */
export function dependenciesOf(item: Item): string[] {
  const ids = new Set<string>();
  const visitValue = (v: Value | undefined) => {
    if (!v) return;
    if ((v.kind === 'name' || v.kind === 'secret') && v.name.id) ids.add(v.name.id);
    if (v.kind === 'list') v.items.forEach(visitValue);
  };
  switch (item.kind) {
    case 'secret':
      break;
    case 'connection':
      for (const o of item.statement.options) {
        const v = o.value;
        if (v.kind === 'value') visitValue(v.value);
        if (v.kind === 'privatelink' && v.connection.id) ids.add(v.connection.id);
        const brokers = v.kind === 'broker' ? [v.broker] : v.kind === 'brokers' ? v.brokers : [];
        for (const b of brokers) if (b.tunnel.kind !== 'direct' && b.tunnel.connection.id) ids.add(b.tunnel.connection.id);
      }
      break;
    case 'source': {
      // A subsource depends on its source; a progress subsource is depended on by it instead.
      if (item.parentId && item.type !== 'progress') ids.add(item.parentId);
      for (const id of item.dependsOn ?? []) ids.add(id);
      const s = item.statement;
      if (s) {
        if (s.connection.kind !== 'load-generator' && s.connection.connection.id) ids.add(s.connection.connection.id);
        const formats = s.format ? (s.format.kind === 'bare' ? [s.format.format] : [s.format.key, s.format.value]) : [];
        for (const f of formats) if ((f.kind === 'avro' || f.kind === 'protobuf') && f.connection.id) ids.add(f.connection.id);
      }
      break;
    }
    case 'view':
    case 'materialized-view':
    case 'table':
    case 'index':
    case 'sink':
      for (const id of item.dependsOn) ids.add(id);
      break;
  }
  return [...ids].sort();
}

/** Ids of the items whose definitions name `id`. */
export function directDependents(store: CatalogStore, id: string): string[] {
  const out: string[] = [];
  for (const item of store.items.values()) if (dependenciesOf(item).includes(id)) out.push(item.id);
  return out;
}

/**
 * Whether an item goes with the item it belongs to and never blocks its
 * drop: a progress collection, an index (`dependency_prevents_drop`,
 * src/sql/src/plan/statement/ddl.rs:5593: indexes never prevent a drop).
 */
export function isOwnedPart(item: Item): boolean {
  return (item.kind === 'source' && item.type === 'progress') || item.kind === 'index';
}

function ownerOf(item: Item): string | undefined {
  if (item.kind === 'source' && item.type === 'progress') return item.parentId;
  if (item.kind === 'index') return item.onId;
  return undefined;
}

/** Ids of everything that depends on `id`, directly or not, in creation order; parts that go with their owner excluded. */
export function transitiveDependents(store: CatalogStore, id: string): string[] {
  const seen = new Set<string>();
  const visit = (target: string) => {
    for (const dependent of directDependents(store, target)) {
      const item = store.items.get(dependent);
      if (!item || isOwnedPart(item) || seen.has(dependent)) continue;
      seen.add(dependent);
      visit(dependent);
    }
  };
  visit(id);
  return [...seen].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** The parts that belong to `id` and go with it: its progress collection, its indexes. */
export function ownedParts(store: CatalogStore, id: string): Item[] {
  return [...store.items.values()].filter((i) => ownerOf(i) === id);
}
