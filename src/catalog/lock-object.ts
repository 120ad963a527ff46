import { staticSql } from '../sql/quote.js';

/**
 * `mzform apply` serializes runs with a secret of this name (Materialize has
 * no advisory locks; a second CREATE of the same name fails). It is mzform's
 * own bookkeeping: introspection leaves it out, so plans never show it as
 * unmanaged, never drop it, and saved-plan fingerprints never include it.
 */
export const LOCK_OBJECT_NAME = '__mzform_lock';

export function isLockObject(row: { readonly kind: string; readonly name: string }): boolean {
  return row.kind === 'secret' && row.name === LOCK_OBJECT_NAME;
}

/** Every lock secret, wherever it is, with its comment (holder and time). One round trip, so it can be polled. */
export const LOCK_QUERY = staticSql`
SELECT sec.id, d.name AS database_name, s.name AS schema_name, cm.comment
FROM mz_catalog.mz_secrets AS sec
JOIN mz_catalog.mz_schemas AS s ON s.id = sec.schema_id
LEFT JOIN mz_catalog.mz_databases AS d ON d.id = s.database_id
LEFT JOIN mz_internal.mz_comments AS cm ON cm.id = sec.id AND cm.object_sub_id IS NULL
WHERE sec.name = '__mzform_lock'
ORDER BY sec.id`;

export interface LockRow {
  id: string;
  database_name: string | null;
  schema_name: string;
  comment: string | null;
}
