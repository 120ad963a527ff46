/**
 * The near miss of a misspelled word among the known ones, for "did you mean"
 * hints: the same letters in another case or with other separators, or at
 * most two edits away. Pure; used for manifest keys and command names.
 */
export function closestMatch(given: string, known: readonly string[]): string | undefined {
  const simplified = (s: string) => s.toLowerCase().replaceAll(/[-_ ]/g, '');
  return known.find((k) => simplified(k) === simplified(given)) ?? known.find((k) => editDistance(k, given) <= 2);
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
