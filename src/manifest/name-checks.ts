import { FINGERPRINT_PREFIX, type ObjectKind } from '../model/index.js';
import type { ObjectProblem } from './object-context.js';
import type { DocPath } from './yaml-document.js';

/**
 * Materialize's longest identifier, in UTF-8 bytes; longer ones fail with
 * "identifier length exceeds 255 bytes" (src/sql-lexer/src/lexer.rs:47 and :234).
 */
export const MAX_IDENTIFIER_BYTES = 255;

/** The name of mzform's apply lock (src/catalog/lock-object.ts); an object of that name would be taken for the lock. */
export const RESERVED_OBJECT_NAME = '__mzform_lock';

/** Materialize's limit on a comment, in UTF-8 bytes. */
export const MAX_COMMENT_BYTES = 1024;

/** What mzform appends to a secret's comment: a newline and the fingerprint line, whatever the key. */
const FINGERPRINT_LINE_BYTES = 1 + Buffer.byteLength(`${FINGERPRINT_PREFIX}hmac-sha256:${'0'.repeat(64)}`, 'utf8');

const NAME_FIELDS = ['database_name', 'schema_name'] as const;

/**
 * More than `limit` bytes in UTF-8. A UTF-16 code unit takes at most three
 * bytes, so text of at most a third of the limit in code units is not counted.
 */
function bytesOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}

/** Per object, before anything runs: names Materialize refuses or mzform reserves, and comments too long to store. */
export function checkNamesAndComment(
  kind: ObjectKind,
  key: string,
  path: DocPath,
  entry: { readonly database_name?: unknown; readonly schema_name?: unknown; readonly comment?: unknown },
): ObjectProblem[] {
  const problems: ObjectProblem[] = [];
  const tooLong = (s: string) => bytesOver(s, MAX_IDENTIFIER_BYTES) !== undefined;
  if (tooLong(key)) problems.push({ path, target: 'key', message: `identifier length exceeds ${MAX_IDENTIFIER_BYTES} bytes (Materialize refuses longer names)` });
  for (const field of NAME_FIELDS) {
    const v = entry[field];
    if (typeof v === 'string' && tooLong(v)) problems.push({ path: [...path, field], target: 'value', message: `identifier length exceeds ${MAX_IDENTIFIER_BYTES} bytes (Materialize refuses longer names)` });
  }
  if (key === RESERVED_OBJECT_NAME) {
    problems.push({ path, target: 'key', message: `the name ${RESERVED_OBJECT_NAME} is reserved for mzform's apply lock; choose another name` });
  }
  if (typeof entry.comment === 'string') {
    // A secret's stored comment also carries the fingerprint line; its length does not depend on the key, so it is checked without one.
    const limit = kind === 'secret' ? MAX_COMMENT_BYTES - FINGERPRINT_LINE_BYTES : MAX_COMMENT_BYTES;
    const bytes = bytesOver(entry.comment, limit);
    if (bytes !== undefined) {
      problems.push({
        path: [...path, 'comment'],
        target: 'value',
        message:
          kind === 'secret'
            ? `comment is ${bytes} bytes; a secret's comment may take ${limit}: Materialize stores at most ${MAX_COMMENT_BYTES} and mzform adds its ${FINGERPRINT_LINE_BYTES}-byte fingerprint line`
            : `comment is longer than ${MAX_COMMENT_BYTES} bytes`,
      });
    }
  }
  return problems;
}
