import { type MzObject, nameKey } from '../../../src/model/index.js';
import { parseStatements, statementToModel } from '../../../src/sql/index.js';

const at = { defaultDatabase: 'materialize', defaultSchema: 'public', defaultCluster: 'quickstart' };

/** The objects a script of CREATE and COMMENT statements makes, in materialize.public, as the model reads them. */
export function objectsOfScript(sql: string): MzObject[] {
  const objects = new Map<string, MzObject>();
  for (const { statement } of parseStatements(sql)) {
    if (statement.kind === 'comment') {
      const name = { database: 'materialize', schema: 'public', name: statement.name.parts.at(-1)?.value as string };
      const object = objects.get(nameKey(name)) as MzObject;
      objects.set(nameKey(name), { ...object, ...(statement.comment === null ? {} : { comment: statement.comment }) });
      continue;
    }
    const { object } = statementToModel(statement, at);
    objects.set(nameKey(object.name), object);
  }
  return [...objects.values()];
}
