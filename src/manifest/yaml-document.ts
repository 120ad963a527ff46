import { createRequire } from 'node:module';
import type * as YamlPackage from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { readPlainYaml, type PlainYaml } from './plain-yaml-reader.js';

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

export interface YamlDocumentOptions {
  /** false: always read with the yaml package, as tests do to compare the plain-subset reader with it. Default true. */
  readonly plainReader?: boolean;
}

/**
 * A parsed manifest that can say where any value was written. Positions point
 * at what the user typed, not at a re-serialisation. Most manifests are read
 * by a fast reader of the plain YAML they are written in (plain-yaml-reader.ts);
 * everything else, errors included, by the yaml package.
 */
export class YamlDocument {
  readonly syntaxErrors: readonly YamlSyntaxError[];
  /** Which reader read the text: `plain` (the plain-subset reader) or `yaml` (the yaml package). */
  readonly reader: 'plain' | 'yaml';
  readonly #read: PlainDocument | ParsedYamlDocument;

  constructor(text: string, options: YamlDocumentOptions = {}) {
    const plain = options.plainReader === false ? undefined : readPlainYaml(text);
    this.#read = plain ? new PlainDocument(text, plain) : new ParsedYamlDocument(text);
    this.reader = plain ? 'plain' : 'yaml';
    this.syntaxErrors = this.#read.syntaxErrors;
  }

  /** The plain value (maps as objects, sequences as arrays); undefined when there are syntax errors. */
  toJS(): unknown {
    return this.#read.toJS();
  }

  /**
   * Where the value at `path` (or, with `key`, its key) was written. Falls back
   * to the deepest ancestor that exists, so every problem gets a position.
   */
  positionOf(path: DocPath, target: 'value' | 'key' = 'value'): Position {
    return this.#read.positionOf(path, target);
  }
}

/** A document the plain-subset reader read: no errors, offsets turned into lines and columns as the yaml package's LineCounter does. */
class PlainDocument {
  readonly syntaxErrors: readonly YamlSyntaxError[] = [];
  readonly #text: string;
  readonly #plain: PlainYaml;
  #lineStarts: number[] | undefined;

  constructor(text: string, plain: PlainYaml) {
    this.#text = text;
    this.#plain = plain;
  }

  toJS(): unknown {
    return this.#plain.value;
  }

  positionOf(path: DocPath, target: 'value' | 'key'): Position {
    const offset = this.#plain.offsetOf(path, target);
    const starts = (this.#lineStarts ??= lineStarts(this.#text));
    // The last line that starts at or before the offset.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The yaml package, loaded the first time a manifest needs it: most are read
 * by the plain reader, and loading the package (about 70 modules) was a tenth
 * of the start of a command.
 */
let Y: typeof YamlPackage;

/**
 * A manifest read by the yaml package. Positions come from the parser's node
 * ranges through a LineCounter.
 */
class ParsedYamlDocument {
  readonly #doc: Document.Parsed;
  readonly #lines: LineCounter;
  readonly syntaxErrors: readonly YamlSyntaxError[];
  readonly #pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  #value: unknown;

  constructor(text: string) {
    Y ??= createRequire(import.meta.url)('yaml') as typeof YamlPackage;
    this.#lines = new Y.LineCounter();
    // yaml's own uniqueKeys check compares every key with every earlier one
    // (minutes at 10,000 objects); #structureErrors finds duplicates with a set.
    // merge: YAML 1.1 merge keys (`<<: *base`), which people use to share settings between objects.
    this.#doc = Y.parseDocument(text, { lineCounter: this.#lines, prettyErrors: false, uniqueKeys: false, merge: true });
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
        // yaml throws (not reports) when the alias budget is spent, and for what the checks above did not foresee.
        this.syntaxErrors =
          error instanceof ReferenceError
            ? [{ position: this.#firstAlias() ?? { line: 1, column: 1 }, message: 'too many aliases: the document expands to more than 100 aliased values' }]
            : [{ position: { line: 1, column: 1 }, message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` }];
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
    // Visited in document order, as yaml resolves aliases: an alias means the last anchor of its name before it.
    // Every kind of node may carry an anchor (a mapping used with `<<: *base` most often), so all are seen here.
    const anchorsAndAliases = (node: Node, ancestors: readonly unknown[]) => {
      if (Y.isAlias(node)) {
        const target = anchors.get(node.source);
        const at = this.#startOf(node) ?? { line: 1, column: 1 };
        if (target === undefined) found.push({ position: at, message: `the alias *${node.source} has no anchor &${node.source} before it` });
        // A value that contains itself has no end: every walk over it would recurse forever.
        else if (ancestors.includes(target as never)) found.push({ position: at, message: `the alias *${node.source} is inside the value it names` });
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    };
    const checkMap = (map: YAMLMap, ancestors: readonly unknown[]) => {
      anchorsAndAliases(map, ancestors);
      const seen = new Set<string>();
      for (const pair of map.items) {
        const name = keyText(pair.key);
        if (name === undefined) continue;
        if (name === MERGE_KEY) {
          if (!isMergeSource(pair.value, this.#doc)) {
            found.push({ position: this.#startOf(pair.value) ?? this.#startOf(pair.key) ?? { line: 1, column: 1 }, message: 'a merge key (<<) takes an alias of a mapping (<<: *base) or a list of them' });
          }
          continue;
        }
        if (seen.has(name)) found.push({ position: this.#startOf(pair.key) ?? { line: 1, column: 1 }, message: DUPLICATE_KEY_MESSAGE });
        seen.add(name);
      }
    };
    // In document order, as yaml's visit() goes, with one stack of ancestors instead of a new
    // frozen path per node (yaml's visit took about a tenth of reading a 10,000-object manifest).
    const ancestors: unknown[] = [this.#doc];
    const walk = (node: unknown): void => {
      if (Y.isPair(node)) {
        if (Y.isCollection(node.key)) {
          found.push({ position: this.#startOf(node.key) ?? { line: 1, column: 1 }, message: 'a mapping key must be a name, not a mapping or a list' });
          return;
        }
        ancestors.push(node);
        walk(node.key);
        walk(node.value);
        ancestors.pop();
        return;
      }
      if (Y.isMap(node)) checkMap(node, ancestors);
      else if (Y.isSeq(node) || Y.isScalar(node) || Y.isAlias(node)) anchorsAndAliases(node, ancestors);
      else return;
      if (Y.isCollection(node)) {
        ancestors.push(node);
        for (const item of node.items) walk(item);
        ancestors.pop();
      }
    };
    walk(this.#doc.contents);
    return found;
  }

  #firstAlias(): Position | undefined {
    let first: Position | undefined;
    Y.visit(this.#doc, {
      Alias: (_key, node) => {
        first = this.#startOf(node);
        return Y.visit.BREAK;
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
      if (Y.isMap(node)) {
        pair = this.#pairsOf(node).get(String(segment));
        next = pair?.value;
      } else if (Y.isSeq(node)) {
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
      this.#pairIndex.set(map, index);
      const merged: YAMLMap[] = [];
      for (const p of map.items) {
        const name = Y.isPair(p) ? keyText(p.key) : undefined;
        if (name === MERGE_KEY) {
          for (const v of Y.isSeq(p.value) ? p.value.items : [p.value]) {
            const target = this.#resolve(v);
            if (Y.isMap(target)) merged.push(target);
          }
          continue;
        }
        // The first occurrence wins, as in the value toJS gives.
        if (name !== undefined && !index.has(name)) index.set(name, p);
      }
      // Keys merged with `<<` point where the shared mapping wrote them; the mapping's own keys win, then earlier sources.
      for (const source of merged) {
        if (source === map) continue;
        for (const [name, pair] of this.#pairsOf(source)) if (!index.has(name)) index.set(name, pair);
      }
    }
    return index;
  }

  #resolve(node: unknown): unknown {
    return Y.isAlias(node) ? node.resolve(this.#doc) : node;
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

const MERGE_KEY = '<<';

/** `<<: *base`, `<<: {...}` or `<<: [*a, *b]`: every merged value must be a mapping, or yaml throws while building the value. */
function isMergeSource(value: unknown, doc: Document.Parsed): boolean {
  const one = (v: unknown) => {
    const target = Y.isAlias(v) ? v.resolve(doc) : v;
    // An alias with no anchor is reported as such.
    return Y.isMap(target) || (Y.isAlias(v) && target === undefined);
  };
  return Y.isSeq(value) ? value.items.every(one) : one(value);
}

function keyText(key: unknown): string | undefined {
  // yaml makes the merge key `<<` a Symbol('<<').
  if (Y.isScalar(key)) return typeof key.value === 'symbol' ? key.value.description : String(key.value);
  return undefined;
}

/** yaml's messages end with a source excerpt; keep the first line, which says what is wrong. */
function describeYamlError(code: string, message: string): string {
  const first = message.split('\n', 1)[0] ?? message;
  return `invalid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}
