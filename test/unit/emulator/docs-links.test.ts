import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCS = ['README.md', 'docs/emulator.md', 'docs/ci.md', 'docs/apply.md', 'docs/plan.md', 'docs/manifest.md'];

/** Relative Markdown links (not web addresses or anchors) and the files they point at. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(?:[a-z]+:|#)/.test(t));
}

describe('documentation links', () => {
  it.each(DOCS)('%s links only to files in the repository', (file) => {
    const missing = relativeLinks(file).filter((target) => !existsSync(join(dirname(file), target.split('#')[0]!)));
    expect(missing).toEqual([]);
  });

  it('docs/emulator.md names Materialize source files as Materialize\'s, never as paths of this repository', () => {
    const text = readFileSync('docs/emulator.md', 'utf8');
    for (const path of ['src/adapter/src/error.rs', 'src/catalog/src/builtin.rs', 'src/storage/src/healthcheck.rs', 'src/storage/src/source/kafka.rs']) {
      expect(text).toContain(`Materialize's \`${path}`);
    }
  });
});
