/**
 * A set of document paths (a file's index, then keys and list indexes),
 * compared part by part: `1` and `'1'` are different parts. Looking a path
 * up builds nothing, which matters when every object of a large manifest is
 * looked up and almost none is in the set.
 */
export class PathSet {
  readonly #children = new Map<string | number, PathSet>();
  #member = false;

  add(path: readonly (string | number)[]): void {
    let node: PathSet = this;
    for (const part of path) {
      let next = node.#children.get(part);
      if (next === undefined) {
        next = new PathSet();
        node.#children.set(part, next);
      }
      node = next;
    }
    node.#member = true;
  }

  has(path: readonly (string | number)[]): boolean {
    let node: PathSet | undefined = this;
    for (const part of path) {
      node = node.#children.get(part);
      if (node === undefined) return false;
    }
    return node.#member;
  }
}
