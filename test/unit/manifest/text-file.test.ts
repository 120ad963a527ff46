import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile } from '../../../src/manifest/text-file.js';
import { createValueResolver } from '../../../src/manifest/value-resolver.js';

const dir = mkdtempSync(join(tmpdir(), 'mzform-text-'));
const file = (name: string, bytes: Uint8Array | string) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};

describe('readTextFile: one way to read every file the manifest names', () => {
  it.each([
    ['a byte-order mark is removed', Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'hi'],
    ['only a leading one', Buffer.from('a\uFEFFb'), 'a\uFEFFb'],
    ['multi-byte text is kept', Buffer.from('ünï\ncødé'), 'ünï\ncødé'],
  ])('%s', (_, bytes, expected) => {
    expect(readTextFile(file(`ok-${expected.length}-${bytes.length}`, bytes), 1024)).toBe(expected);
  });

  it.each([
    ['invalid UTF-8, with its position', Buffer.concat([Buffer.from('line one\nab'), Buffer.from([0xff]), Buffer.from('c')]), 'it is not valid UTF-8 (byte 0xff at line 2, column 3)'],
    ['a truncated sequence', Buffer.from([0x61, 0xc3]), 'it is not valid UTF-8 (byte 0xc3 at line 1, column 2)'],
    ['more than the limit', Buffer.alloc(2048, 0x61), 'it is larger than 1 KiB'],
  ])('refuses %s', (name, bytes, message) => {
    expect(() => readTextFile(file(name.replaceAll(' ', '-'), bytes), 1024)).toThrow(message);
  });

  it.each([
    ['a directory', () => dir, 'it is a directory, not a regular file'],
    ['a device', () => '/dev/null', 'it is a device, not a regular file'],
    ['a FIFO (without blocking on it)', () => {
      const path = join(dir, 'fifo');
      execFileSync('mkfifo', [path]);
      return path;
    }, 'it is a FIFO, not a regular file'],
    ['a missing file', () => join(dir, 'nope'), 'no such file'],
  ])('refuses %s before reading', (_, path, message) => {
    expect(() => readTextFile(path(), 1024)).toThrow(message);
  });

  it('/dev/zero is refused without reading it (it would grow the process)', () => {
    const before = process.memoryUsage().rss;
    expect(() => readTextFile('/dev/zero', 512 * 1024)).toThrow('it is a device');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('the value resolver', () => {
  it('reads ${file:...} relative to the manifest directory, not the working directory', () => {
    file('pw.txt', 'from-the-manifest-dir');
    const resolver = createValueResolver({ env: {}, baseDir: dir });
    expect(resolver.file('pw.txt')).toEqual({ value: 'from-the-manifest-dir' });
    expect(resolver.filePath('pw.txt')).toBe(join(dir, 'pw.txt'));
  });

  it.each([
    ['an empty file', 'empty.txt', '', 'file empty.txt is empty'],
    ['a NUL character', 'nul.txt', 'a\0b', 'the value from file nul.txt contains a NUL character'],
    ['a file over 512 KiB', 'big.txt', 'x'.repeat(512 * 1024 + 1), 'cannot read file big.txt: it is larger than 512 KiB'],
  ])('refuses %s, naming the file and never the value', (_, name, text, problem) => {
    file(name, text);
    expect(createValueResolver({ env: {}, baseDir: dir }).file(name)).toEqual({ problem });
  });
});
