import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Why a file named by the manifest (or the manifest itself) cannot be used.
 * The message names the file and the fault, never any of its content.
 */
export class TextFileProblem extends Error {}

/**
 * Reads a file as UTF-8 text, the same way for every path that reads one
 * (manifests, `${file:...}` values at plan time and when a saved plan is
 * applied), so that the bytes sent to Materialize never depend on which
 * command read them:
 * - only regular files: a directory, FIFO, socket or device is refused
 *   before anything is read (opening is non-blocking, so a FIFO without a
 *   writer cannot hang the run, and the type is checked on the open file,
 *   so a swap after a check cannot slip a device in);
 * - at most `maxBytes`, enforced while reading, so `/dev/zero` or a growing
 *   file cannot grow the process;
 * - a leading UTF-8 byte-order mark is removed (editors on Windows add one;
 *   it is never part of a host, a certificate or a password);
 * - bytes that are not valid UTF-8 are refused with the line and column of
 *   the first one (Materialize stores text as UTF-8 and refuses the rest).
 */
export function readTextFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new TextFileProblem(errnoWords(err));
  }
  try {
    const kind = nonRegularKind(fstatSync(fd));
    if (kind) throw new TextFileProblem(`it is ${kind}, not a regular file`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      chunks.push(chunk.subarray(0, n));
      if (total > maxBytes) throw new TextFileProblem(`it is larger than ${describeBytes(maxBytes)}`);
    }
    return decodeUtf8(Buffer.concat(chunks, total));
  } catch (err) {
    if (err instanceof TextFileProblem) throw err;
    throw new TextFileProblem(errnoWords(err));
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 bytes → text: a leading byte-order mark removed, invalid bytes refused with their position. */
export function decodeUtf8(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidByte(body);
    return failAt(body, at);
  }
}

function failAt(bytes: Uint8Array, offset: number): never {
  // Line and column count characters of the valid text before the bad byte.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  const line = lines.length;
  const column = [...(lines[lines.length - 1] ?? '')].length + 1;
  const byte = bytes[offset] ?? 0;
  throw new TextFileProblem(`it is not valid UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')} at line ${line}, column ${column})`);
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

function nonRegularKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

function errnoWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory, not a regular file';
  return code ?? (err instanceof Error ? err.message : String(err));
}

function describeBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}
