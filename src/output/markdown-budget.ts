/** What a block of a Markdown plan belongs to, for saying what was cut. */
export type BlockPart = 'hazards' | 'warnings' | 'table' | 'steps' | 'unmanaged';

export interface Block {
  /** One or more lines, joined to the others with a newline. */
  readonly text: string;
  readonly cut: BlockPart;
  /** Set on blocks that are one counted item (a hazard, a table row, a step's section with its id); unset on headings and spacing. */
  readonly item?: string;
}

/**
 * Keeps the head and as many blocks, in order, as fit in `maxLength` with a
 * note saying what was left out; the note goes right below the head so a
 * reader sees it before the details. Blocks come in order of importance
 * (hazards, warnings, the step table, per-step detail with SQL, unmanaged
 * objects), so the cut takes the least important first. Pure.
 */
export function fitBlocks(head: readonly string[], blocks: readonly Block[], maxLength: number, finish: (lines: readonly string[]) => string): string {
  const whole = finish([...head, ...blocks.map((b) => b.text)]);
  if (whole.length <= maxLength) return whole;
  // Prefix sums of the joined length (each block adds its text and one newline).
  const prefix = [0];
  for (const b of blocks) prefix.push((prefix.at(-1) as number) + b.text.length + 1);
  const headLength = head.join('\n').length + 1;
  for (let kept = blocks.length - 1; kept >= 0; kept--) {
    const note = truncationNote(blocks.slice(kept), maxLength);
    // finish() adds one final newline and drops blank lines at the end: this bound is never below the real length.
    if (headLength + note.length + 2 + (prefix[kept] as number) + 1 <= maxLength) {
      return finish([...head, note, '', ...blocks.slice(0, kept).map((b) => b.text)]);
    }
  }
  return finish([...head, truncationNote(blocks, maxLength)]);
}

function truncationNote(cut: readonly Block[], maxLength: number): string {
  const count = (part: BlockPart) => cut.filter((b) => b.cut === part && b.item !== undefined).length;
  const steps = cut.filter((b) => b.cut === 'steps' && b.item !== undefined).map((b) => b.item as string);
  const parts: string[] = [];
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (count('hazards') > 0) parts.push(plural(count('hazards'), 'hazard', 'hazards'));
  if (count('warnings') > 0) parts.push(plural(count('warnings'), 'warning', 'warnings'));
  if (count('table') > 0) parts.push(plural(count('table'), 'row of the step table', 'rows of the step table'));
  if (steps.length > 0) {
    const range = steps.length === 1 ? `step ${steps[0]}` : `steps ${steps[0]} to ${steps.at(-1)}`;
    parts.push(`the details and SQL of ${range}`);
  }
  if (count('unmanaged') > 0) parts.push(plural(count('unmanaged'), 'object not in the manifest', 'objects not in the manifest'));
  const limit = String(maxLength).replace(/\B(?=(\d{3})+$)/g, ',');
  return `> **Truncated** to fit in ${limit} characters. Left out: ${parts.join(', ')}. Run \`mzform plan\` (or read the job log) for the whole plan.`;
}
