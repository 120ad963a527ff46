/**
 * Encoders for the backend messages of the Postgres wire protocol (v3) and a
 * reader for frontend message bodies. Only what the emulator sends itself;
 * replies from the embedded Postgres are forwarded as they come.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One backend message: a type byte, a length, the body. */
export function message(type: string, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(5 + length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + length);
  let at = 5;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function cstring(s: string): Uint8Array {
  const bytes = encoder.encode(s);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return out;
}

export function int16(n: number): Uint8Array {
  const out = new Uint8Array(2);
  new DataView(out.buffer).setInt16(0, n);
  return out;
}

export function int32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, n);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export type TransactionStatus = 'I' | 'T' | 'E';

export const authenticationOk = (): Uint8Array => message('R', int32(0));
export const authenticationCleartextPassword = (): Uint8Array => message('R', int32(3));
export const parameterStatus = (name: string, value: string): Uint8Array => message('S', cstring(name), cstring(value));
export const backendKeyData = (pid: number, key: number): Uint8Array => message('K', int32(pid), int32(key));
export const readyForQuery = (status: TransactionStatus): Uint8Array => message('Z', encoder.encode(status));
export const commandComplete = (tag: string): Uint8Array => message('C', cstring(tag));
export const emptyQueryResponse = (): Uint8Array => message('I');
export const parseComplete = (): Uint8Array => message('1');
export const bindComplete = (): Uint8Array => message('2');
export const closeComplete = (): Uint8Array => message('3');
export const noData = (): Uint8Array => message('n');
export const parameterDescription = (oids: readonly number[]): Uint8Array => message('t', int16(oids.length), ...oids.map(int32));

export const TEXT_OID = 25;

/** A row description where every column is `text` in text format. */
export function rowDescription(columns: readonly string[]): Uint8Array {
  const fields = columns.map((name) => concat([cstring(name), int32(0), int16(0), int32(TEXT_OID), int16(-1), int32(-1), int16(0)]));
  return message('T', int16(columns.length), ...fields);
}

export function dataRow(values: readonly (string | null)[]): Uint8Array {
  const cells = values.map((v) => {
    if (v === null) return int32(-1);
    const bytes = encoder.encode(v);
    return concat([int32(bytes.length), bytes]);
  });
  return message('D', int16(values.length), ...cells);
}

/** The fields of an ErrorResponse or NoticeResponse. */
export type { ServerNotice } from '../outcome.js';
import type { ServerNotice } from '../outcome.js';

function noticeFields(n: ServerNotice): Uint8Array[] {
  const fields: Uint8Array[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined) fields.push(encoder.encode(key), cstring(value));
  };
  add('S', n.severity);
  add('V', n.severity);
  add('C', n.code);
  add('M', n.message);
  add('D', n.detail);
  add('H', n.hint);
  fields.push(new Uint8Array([0]));
  return fields;
}

export const errorResponse = (n: ServerNotice): Uint8Array => message('E', ...noticeFields(n));
export const noticeResponse = (n: ServerNotice): Uint8Array => message('N', ...noticeFields(n));

/** Reads the body of a frontend message field by field. */
export class BodyReader {
  private at = 0;
  private readonly view: DataView;

  constructor(private readonly body: Uint8Array) {
    this.view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  }

  byte(): number {
    return this.body[this.at++] ?? 0;
  }

  int16(): number {
    const v = this.view.getInt16(this.at);
    this.at += 2;
    return v;
  }

  int32(): number {
    const v = this.view.getInt32(this.at);
    this.at += 4;
    return v;
  }

  cstring(): string {
    let end = this.at;
    while (end < this.body.length && this.body[end] !== 0) end++;
    const s = decoder.decode(this.body.subarray(this.at, end));
    this.at = end + 1;
    return s;
  }

  bytes(n: number): Uint8Array {
    const b = this.body.subarray(this.at, this.at + n);
    this.at += n;
    return b;
  }
}

/** Splits a buffer of complete backend messages into (type, whole message) pairs. */
export function* backendMessages(data: Uint8Array): Generator<{ type: string; bytes: Uint8Array }> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  while (at + 5 <= data.length) {
    const length = view.getInt32(at + 1);
    const bytes = data.subarray(at, at + 1 + length);
    yield { type: String.fromCharCode(data[at]!), bytes };
    at += 1 + length;
  }
}
