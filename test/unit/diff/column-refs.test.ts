import { describe, expect, it } from 'vitest';
import { diff } from '../../../src/diff/index.js';
import type { MzObject, Source } from '../../../src/model/index.js';
import { actualState, desiredState, n, pgConnection } from './fixtures.js';

/**
 * Materialize stores a Postgres source's TEXT / EXCLUDE COLUMNS fully
 * qualified with the upstream database, sorted and without duplicates
 * (map_column_refs, src/sql/src/pure/postgres.rs:56-128): the manifest's
 * shorter spelling of the same columns must not re-create the source.
 */
const cols = (...refs: string[]) => refs.map((r) => r.split('.'));
const source = (textColumns?: string[][], excludeColumns?: string[][]): Source => ({
  kind: 'source',
  name: n('shop'),
  cluster: 'quickstart',
  spec: {
    type: 'postgres',
    connection: n('pg'),
    publication: 'mz_source',
    tables: { kind: 'tables', tables: [{ reference: ['public', 'orders'] }, { reference: ['public', 'items'] }] },
    ...(textColumns ? { textColumns } : {}),
    ...(excludeColumns ? { excludeColumns } : {}),
  },
});

function actionOf(desired: Source, actual: Source): string {
  const conn: MzObject = pgConnection('pg');
  const change = diff(desiredState([conn, desired]), actualState([conn, actual])).find((c) => 'object' in c && c.object.name.name === 'shop');
  return change?.action ?? 'none';
}

describe('TEXT / EXCLUDE COLUMNS compare in normalized form', () => {
  it.each<[string, Source, Source]>([
    ['table.column against the stored db.schema.table.column', source(cols('orders.status')), source(cols('shop.public.orders.status'))],
    ['schema.table.column', source(cols('public.orders.status')), source(cols('shop.public.orders.status'))],
    ['another order, and a duplicate', source(cols('orders.status', 'items.kind', 'orders.status')), source(cols('shop.public.items.kind', 'shop.public.orders.status'))],
    ['exclude columns too', source(undefined, cols('orders.note')), source(undefined, cols('shop.public.orders.note'))],
  ])('%s: no change', (_title, desired, actual) => {
    expect(actionOf(desired, actual)).toBe('no-op');
  });

  it.each<[string, Source, Source]>([
    ['another column', source(cols('orders.status')), source(cols('shop.public.orders.kind'))],
    ['one column more', source(cols('orders.status', 'orders.kind')), source(cols('shop.public.orders.status'))],
    ['a column of another table', source(cols('items.status')), source(cols('shop.public.orders.status'))],
    ['text columns removed', source(), source(cols('shop.public.orders.status'))],
  ])('%s: a change, made in place (the table\'s subsource is dropped and added again, not the source)', (_title, desired, actual) => {
    expect(actionOf(desired, actual)).toBe('alter');
  });
});
