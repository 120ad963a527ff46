import type { FieldChange } from '../change.js';
import { SOURCE_SHAPES, displayName, withTableDefaults, type Table, type ValueShape } from '../../model/index.js';
import { type KindComparison, differingFields, fieldChange } from './comparison.js';

/** How each table field's value reads in a plan. */
const TABLE_SHAPES: Readonly<Record<string, ValueShape>> = {
  reference: 'text',
  format: SOURCE_SHAPES['kafka-format'],
  envelope: SOURCE_SHAPES.envelope,
  include: SOURCE_SHAPES['include-list'],
  textColumns: 'text-list',
  excludeColumns: 'text-list',
};

/**
 * A table from a source has nothing to ALTER but its name, owner and comment
 * (Materialize has no ALTER TABLE ... SET for them: src/sql/src/plan/statement/ddl.rs
 * plans CREATE TABLE ... FROM SOURCE only). Any other change re-creates this
 * one table: its source and the source's other tables keep their data.
 */
export function compareTable(desired: Table, actual: Table): KindComparison {
  const fields: FieldChange[] = [];
  if (displayName(desired.source) !== displayName(actual.source)) {
    fields.push(fieldChange('source', actual.source, desired.source, 'name'));
  }
  const d = withTableDefaults(desired.spec);
  const a = withTableDefaults(actual.spec);
  if (d.type !== a.type) {
    fields.push(fieldChange('type', a.type, d.type, 'text'));
  } else {
    for (const { key, change } of differingFields(d, a)) fields.push({ ...change, shape: TABLE_SHAPES[key] ?? 'text' });
  }
  return { fields, forcing: fields, alterations: [] };
}
