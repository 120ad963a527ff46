import type { Alteration } from '../diff/index.js';
import { assertNever, FINGERPRINT_PREFIX, type MzObject } from '../model/index.js';
import {
  renderAlterConnection,
  renderAlterSecret,
  renderAlterSource,
  renderComment,
  renderCreate,
  renderDrop,
  renderOwner,
  renderRename,
  type Statement,
} from '../sql/index.js';

/** CREATE, then the comment and owner that CREATE cannot carry. */
export function createStatements(object: MzObject, storedComment: string | undefined): Statement[] {
  const statements = [renderCreate(object)];
  if (storedComment !== undefined) statements.push(commentStatement(object, storedComment));
  if (object.owner !== undefined) statements.push(renderOwner(object.kind, object.name, object.owner));
  return statements;
}

/** One statement per alteration, in the order the diff gave them (a secret's value before its fingerprint comment). */
export function alterStatements(object: MzObject, alterations: readonly Alteration[]): Statement[] {
  return alterations.map((alteration) => alterStatement(object, alteration));
}

function alterStatement(object: MzObject, alteration: Alteration): Statement {
  switch (alteration.kind) {
    case 'connection-options':
      if (object.kind !== 'connection') throw new Error(`connection options on a ${object.kind}`);
      return renderAlterConnection(object.name, object.spec, alteration.fields, object.validate === false ? { validate: false } : undefined);
    case 'secret-value':
      if (object.kind !== 'secret' || object.value === undefined) throw new Error('a secret value to set needs a resolved value');
      return renderAlterSecret(object.name, object.value);
    case 'source-option':
      return renderAlterSource(object.name, alteration.action);
    case 'add-subsource': {
      const { kind: _kind, ...rest } = alteration;
      return renderAlterSource(object.name, { kind: 'add-subsource', ...rest });
    }
    case 'drop-subsource':
      // RESTRICT (the default): a view on the subsource stops the plan before it runs, never CASCADE.
      return renderDrop('source', alteration.subsource);
    case 'rename-subsource':
      return renderRename('source', alteration.subsource, alteration.to);
    case 'rename':
      return renderRename(object.kind, alteration.from, object.name.name);
    case 'comment':
      return commentStatement(object, alteration.comment);
    case 'owner':
      return renderOwner(object.kind, object.name, alteration.role);
    default:
      return assertNever(alteration);
  }
}

const FINGERPRINT_AT_END = new RegExp(`(^|\\n)${FINGERPRINT_PREFIX}(hmac-sha256:[0-9a-f]{64})$`);

/**
 * COMMENT ON, with a secret's value fingerprint kept out of the text shown:
 * the statement carries it apart and the executor splices it in, so a plan
 * (file, Markdown comment, report) gives nothing to test guesses against.
 */
function commentStatement(object: MzObject, comment: string | null): Statement {
  const match = object.kind === 'secret' && comment !== null ? FINGERPRINT_AT_END.exec(comment) : null;
  if (!match || comment === null) return renderComment(object.kind, object.name, comment);
  const fingerprint = match[2] as string;
  const shown = renderComment(object.kind, object.name, `${comment.slice(0, -fingerprint.length)}hmac-sha256:********`);
  return { ...shown, fingerprint };
}

export function dropStatements(object: MzObject, cascade: boolean): Statement[] {
  return [renderDrop(object.kind, object.name, cascade ? { cascade: true } : {})];
}
