import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A key path into the document: map keys and sequence indexes. */
export type DocPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlSyntaxError {
  readonly position: Position;
  readonly message: string;
}

/**
 * A parsed manifest that can say where any value was written. Positions come
 * from the yaml parser's node ranges through a LineCounter, so they point at
 * what the user typed, not at a re-serialisation.
 */
export class YamlDocument {
  readonly #doc: Document.Parsed;
  readonly #lines: LineCounter;
  readonly syntaxErrors: readonly YamlSyntaxError[];
  readonly #pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  #value: unknown;

  constructor(text: string) {
    this.#lines = new LineCounter();
    // yaml's own uniqueKeys check compares every key with every earlier one
    // (minutes at 10,000 objects); #structureErrors finds duplicates with a set.
    this.#doc = parseDocument(text, { lineCounter: this.#lines, prettyErrors: false, uniqueKeys: false });
    const errors = this.#doc.errors.map((e) => ({
      position: this.#at(e.pos[0]),
      message: describeYamlError(e.code, e.message),
    }));
    this.syntaxErrors = errors.length > 0 ? errors : this.#structureErrors();
    if (this.syntaxErrors.length === 0) {
      try {
        // A small alias budget stops "billion laughs" documents from exhausting memory.
        this.#value = this.#doc.toJS({ maxAliasCount: 100 });
      } catch (error) {
        // yaml throws (not reports) when the alias budget is spent.
        if (!(error instanceof ReferenceError)) throw error;
        this.syntaxErrors = [{ position: this.#firstAlias() ?? { line: 1, column: 1 }, message: 'too many aliases: the document expands to more than 100 aliased values' }];
      }
    }
  }

  /**
   * What the parser accepts but toJS cannot turn into a manifest, found
   * before toJS runs. A mapping or list used as a key (`{a: 1}: x`) is never
   * a name, and yaml turns such keys into strings level by level, which takes
   * minutes for a few hundred nested `{`. An alias with no anchor before it
   * makes toJS throw. A name declared twice in one mapping is reported at its
   * second occurrence.
   */
  #structureErrors(): YamlSyntaxError[] {
    const found: YamlSyntaxError[] = [];
    const anchors = new Map<string, unknown>();
    visit(this.#doc, {
      Map: (_key, map) => {
        const seen = new Set<string>();
        for (const pair of map.items) {
          const name = keyText(pair.key);
          if (name === undefined) continue;
          if (seen.has(name)) found.push({ position: this.#startOf(pair.key) ?? { line: 1, column: 1 }, message: DUPLICATE_KEY_MESSAGE });
          seen.add(name);
        }
        return undefined;
      },
      Pair: (_key, pair) => {
        if (!isCollection(pair.key)) return undefined;
        found.push({ position: this.#startOf(pair.key) ?? { line: 1, column: 1 }, message: 'a mapping key must be a name, not a mapping or a list' });
        return visit.SKIP;
      },
      Node: (_key, node, ancestors) => {
        // Visited in document order, as yaml resolves aliases: an alias means the last anchor of its name before it.
        if (isAlias(node)) {
          const target = anchors.get(node.source);
          const at = this.#startOf(node) ?? { line: 1, column: 1 };
          if (target === undefined) found.push({ position: at, message: `the alias *${node.source} has no anchor &${node.source} before it` });
          // A value that contains itself has no end: every walk over it would recurse forever.
          else if (ancestors.includes(target as never)) found.push({ position: at, message: `the alias *${node.source} is inside the value it names` });
        } else if (node.anchor) {
          anchors.set(node.anchor, node);
        }
        return undefined;
      },
    });
    return found;
  }

  #firstAlias(): Position | undefined {
    let first: Position | undefined;
    visit(this.#doc, {
      Alias: (_key, node) => {
        first = this.#startOf(node);
        return visit.BREAK;
      },
    });
    return first;
  }

  /** The plain value (maps as objects, sequences as arrays); undefined when there are syntax errors. */
  toJS(): unknown {
    return this.syntaxErrors.length > 0 ? undefined : this.#value;
  }

  /**
   * Where the value at `path` (or, with `key`, its key) was written. Falls back
   * to the deepest ancestor that exists, so every problem gets a position.
   */
  positionOf(path: DocPath, target: 'value' | 'key' = 'value'): Position {
    let node: unknown = this.#doc.contents;
    let best: Position = this.#startOf(node) ?? { line: 1, column: 1 };
    for (let i = 0; i < path.length; i++) {
      node = this.#resolve(node);
      const segment = path[i];
      let next: unknown;
      let pair: Pair | undefined;
      if (isMap(node)) {
        pair = this.#pairsOf(node).get(String(segment));
        next = pair?.value;
      } else if (isSeq(node)) {
        next = node.items[Number(segment)];
      }
      if (next === undefined && pair === undefined) return best;
      const last = i === path.length - 1;
      const keyPos = pair ? this.#startOf(pair.key) : undefined;
      const valuePos = this.#startOf(next);
      if (last && target === 'key' && keyPos) return keyPos;
      best = valuePos ?? keyPos ?? best;
      node = next;
    }
    return best;
  }

  /** A map's pairs by key, built once per map: positions are asked for every object, so a scan each time is quadratic. */
  #pairsOf(map: YAMLMap): Map<string, Pair> {
    let index = this.#pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        const name = isPair(p) ? keyText(p.key) : undefined;
        // The first occurrence wins, as in the value toJS gives.
        if (name !== undefined && !index.has(name)) index.set(name, p);
      }
      this.#pairIndex.set(map, index);
    }
    return index;
  }

  #resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.#doc) : node;
  }

  #startOf(node: unknown): Position | undefined {
    const range = (node as Node | null | undefined)?.range;
    return range ? this.#at(range[0]) : undefined;
  }

  #at(offset: number): Position {
    const { line, col } = this.#lines.linePos(offset);
    return { line, column: col };
  }
}

const DUPLICATE_KEY_MESSAGE = 'this name is declared twice in the same mapping';

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** yaml's messages end with a source excerpt; keep the first line, which says what is wrong. */
function describeYamlError(code: string, message: string): string {
  const first = message.split('\n', 1)[0] ?? message;
  return `invalid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}
