import type { Prng } from './prng.js';

/**
 * Text mutations for fuzzing. Each one is small and blind (it knows nothing
 * about YAML or SQL beyond how to cut text into tokens), so together they
 * reach inputs nobody would write by hand: half a document, a key twice, a
 * quote that never closes, a lone surrogate in a name.
 */

export interface MutationContext {
  /** Other inputs of the same corpus, for splicing a piece of one into another. */
  readonly corpus: readonly string[];
  /** Splits text into tokens and the text between them (kept, so joining restores the input). */
  readonly tokenPattern: RegExp;
  /** Values worth dropping into a token's place: boundary numbers, quoting characters, references. */
  readonly interesting: readonly string[];
}

export interface Mutated {
  readonly text: string;
  /** What was done, e.g. `truncate@120 line-dup@4`: printed with a failure. */
  readonly steps: readonly string[];
}

type Mutation = (text: string, rng: Prng, ctx: MutationContext) => { text: string; step: string };

/** Characters that break parsers: quoting, YAML indicators, line and paragraph separators, BOM, a lone surrogate, NUL. */
const ODD_CHARACTERS = [
  '\0', '\t', '\r', '\n', '\u2028', '\u2029', '\uFEFF', '\u200B', '\u202E', '\uD800', '\uDFFF', '\u{1F600}', 'Ω', 'é', 'ß', 'İ',
  '"', "'", '`', '\\', ':', '-', '#', '&', '*', '!', '|', '>', '%', '@', '{', '}', '[', ']', ',', '?', '(', ')', ';', '$', '.', '=',
];

const lineMutation = (name: string, edit: (lines: string[], at: number, rng: Prng) => void): Mutation => (text, rng) => {
  const lines = text.split('\n');
  const at = rng.int(lines.length);
  edit(lines, at, rng);
  return { text: lines.join('\n'), step: `${name}@${at + 1}` };
};

const MUTATIONS: Record<string, Mutation> = {
  'byte-flip': (text, rng) => {
    // Flip one bit of one UTF-8 byte; an invalid sequence decodes to U+FFFD, as a lenient reader would see it.
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return { text, step: 'byte-flip(empty)' };
    const at = rng.int(bytes.length);
    bytes[at] = (bytes[at] ?? 0) ^ (1 << rng.int(8));
    return { text: bytes.toString('utf8'), step: `byte-flip@${at}` };
  },
  'line-delete': lineMutation('line-delete', (lines, at) => lines.splice(at, 1)),
  'line-duplicate': lineMutation('line-dup', (lines, at) => lines.splice(at, 0, lines[at] ?? '')),
  'line-swap': lineMutation('line-swap', (lines, at) => {
    const other = Math.min(at + 1, lines.length - 1);
    [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
  }),
  'line-indent': lineMutation('line-indent', (lines, at, rng) => {
    const line = lines[at] ?? '';
    lines[at] = rng.chance(0.5) ? `${' '.repeat(1 + rng.int(4))}${line}` : line.replace(/^ {1,2}/, '');
  }),
  truncate: (text, rng) => {
    const at = rng.int(text.length + 1);
    return { text: text.slice(0, at), step: `truncate@${at}` };
  },
  'insert-character': (text, rng) => {
    const at = rng.int(text.length + 1);
    const ch = rng.pick(ODD_CHARACTERS);
    return { text: text.slice(0, at) + ch.repeat(rng.chance(0.1) ? 1 + rng.int(64) : 1) + text.slice(at), step: `insert-char@${at}:U+${(ch.codePointAt(0) ?? 0).toString(16)}` };
  },
  'delete-range': (text, rng) => {
    const at = rng.int(text.length + 1);
    const length = 1 + rng.int(16);
    return { text: text.slice(0, at) + text.slice(at + length), step: `delete@${at}+${length}` };
  },
  'token-swap': (text, rng, ctx) => {
    const parts = text.split(ctx.tokenPattern);
    const tokens = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.trim() !== '');
    if (tokens.length < 2) return { text, step: 'token-swap(none)' };
    const a = rng.pick(tokens);
    const b = rng.pick(tokens);
    parts[a.i] = b.p;
    parts[b.i] = a.p;
    return { text: parts.join(''), step: `token-swap#${a.i}/${b.i}` };
  },
  'token-delete': (text, rng, ctx) => {
    const parts = text.split(ctx.tokenPattern);
    const tokens = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.trim() !== '');
    if (tokens.length === 0) return { text, step: 'token-delete(none)' };
    const t = rng.pick(tokens);
    parts[t.i] = '';
    return { text: parts.join(''), step: `token-delete#${t.i}` };
  },
  'token-duplicate': (text, rng, ctx) => {
    const parts = text.split(ctx.tokenPattern);
    const tokens = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.trim() !== '');
    if (tokens.length === 0) return { text, step: 'token-dup(none)' };
    const t = rng.pick(tokens);
    parts[t.i] = `${t.p} ${t.p}`;
    return { text: parts.join(''), step: `token-dup#${t.i}` };
  },
  'token-replace': (text, rng, ctx) => {
    const parts = text.split(ctx.tokenPattern);
    const tokens = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.trim() !== '');
    if (tokens.length === 0) return { text, step: 'token-replace(none)' };
    const t = rng.pick(tokens);
    const value = rng.pick(ctx.interesting);
    parts[t.i] = value;
    return { text: parts.join(''), step: `token-replace#${t.i}:${JSON.stringify(value.slice(0, 24))}` };
  },
  splice: (text, rng, ctx) => {
    // A run of lines from another input of the corpus, inserted at a random line.
    const donor = rng.pick(ctx.corpus).split('\n');
    const from = rng.int(donor.length);
    const piece = donor.slice(from, from + 1 + rng.int(8));
    const lines = text.split('\n');
    const at = rng.int(lines.length + 1);
    lines.splice(at, 0, ...piece);
    return { text: lines.join('\n'), step: `splice@${at}+${piece.length}` };
  },
  nest: (text, rng) => {
    // Deep nesting probes recursion depth: a parser that recurses per level must fail cleanly, not overflow the stack.
    const depth = rng.pick([50, 1_000, 20_000]);
    const [open, close] = rng.pick([['[', ']'], ['{', '}'], ['(', ')']] as const);
    const at = rng.int(text.length + 1);
    return { text: text.slice(0, at) + open.repeat(depth) + close.repeat(rng.chance(0.5) ? depth : 0) + text.slice(at), step: `nest@${at}:${open}x${depth}` };
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS).sort();

/** One to four mutations stacked on `text`. */
export function mutate(text: string, rng: Prng, ctx: MutationContext): Mutated {
  const steps: string[] = [];
  let out = text;
  // Half the inputs carry a single mutation: enough of them stay valid to reach the planner and renderers.
  const count = rng.chance(0.5) ? 1 : 2 + rng.int(3);
  for (let i = 0; i < count; i++) {
    const name = rng.pick(MUTATION_NAMES);
    const m = MUTATIONS[name]!(out, rng, ctx);
    out = m.text;
    steps.push(m.step);
  }
  return { text: out, steps };
}
