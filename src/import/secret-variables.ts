import { type ObjectName, compareNames, nameKey } from '../model/index.js';

/**
 * The environment variable an imported secret's value is read from:
 * `${env:NAME}`, NAME derived from the secret's name in upper snake case
 * (`kafka-password` -> `KAFKA_PASSWORD`, `sasl.Pass` -> `SASL_PASS`, `1key`
 * -> `_1KEY`). When two secrets give the same NAME, each of them is
 * qualified by its schema (`ANALYTICS_KAFKA_PASSWORD`), then by database and
 * schema; names still equal get `_2`, `_3`, ... in name order. Deterministic:
 * the same secrets always get the same variables.
 */
export function secretVariableNames(secrets: readonly ObjectName[]): Map<string, string> {
  const sorted = [...secrets].sort(compareNames);
  const levels: ((n: ObjectName) => string)[] = [
    (n) => snake(n.name),
    (n) => snake(`${n.schema}_${n.name}`),
    (n) => snake(`${n.database}_${n.schema}_${n.name}`),
  ];
  const chosen = new Map<string, string>();
  const used = new Set<string>();
  let pending = sorted;
  for (const level of levels) {
    const groups = groupBy(pending, level);
    pending = [];
    for (const [variable, members] of groups) {
      // A qualified name may equal another secret's plain one (`public_x` vs `x` in schema public): then qualify further.
      if (members.length === 1 && !used.has(variable)) {
        chosen.set(nameKey(members[0] as ObjectName), variable);
        used.add(variable);
      } else {
        pending.push(...members);
      }
    }
  }
  // What remains is equal even with database and schema: number them.
  for (const [base, members] of groupBy(pending.sort(compareNames), levels[2] as (n: ObjectName) => string)) {
    let suffix = 1;
    for (const member of members) {
      let variable = suffix === 1 ? base : `${base}_${suffix}`;
      while (used.has(variable)) variable = `${base}_${++suffix}`;
      suffix++;
      used.add(variable);
      chosen.set(nameKey(member), variable);
    }
  }
  return chosen;
}

/** Upper snake case: letters and digits kept, every other run of characters one underscore; never starts with a digit. */
export function snake(text: string): string {
  const words = text
    // Accents dropped (`été` -> `ETE`), not turned into separators.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  const name = words === '' ? 'SECRET' : words;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function groupBy(names: readonly ObjectName[], key: (n: ObjectName) => string): Map<string, ObjectName[]> {
  const groups = new Map<string, ObjectName[]>();
  for (const n of names) groups.set(key(n), [...(groups.get(key(n)) ?? []), n]);
  return groups;
}
