import { createServer, type Server, type Socket } from 'node:net';
import {
  authenticationCleartextPassword,
  authenticationOk,
  backendKeyData,
  BodyReader,
  errorResponse,
  parameterStatus,
  readyForQuery,
} from './messages.js';

/** What the server needs from whoever answers a client's messages. */
export interface ClientSession {
  /** The parameters reported to the client after authentication (ParameterStatus). */
  startupParameters(): readonly (readonly [string, string])[];
  /** Handles one frontend message; returns what to send back, or 'close' to drop the connection without a reply. */
  handle(type: string, body: Uint8Array, raw: Uint8Array): Promise<readonly Uint8Array[] | 'close'>;
  closed(): void;
}

export interface WireServerOptions {
  readonly host: string;
  readonly port: number;
  /** Absent: any password (or none) is accepted, as a local Materialize with trust auth does. */
  readonly password?: string;
  readonly openSession: (params: Readonly<Record<string, string>>) => ClientSession;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_V3 = 196608;

/** A TCP server speaking the Postgres wire protocol: startup, authentication, then messages to a `ClientSession`. */
export class WireServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private nextPid = 1000;

  constructor(private readonly options: WireServerOptions) {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : this.options.port);
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    // Without it, Nagle's algorithm and delayed ACKs add ~40 ms to every round trip.
    socket.setNoDelay(true);
    this.sockets.add(socket);
    let buffer: Uint8Array = new Uint8Array(0);
    let phase: 'startup' | 'password' | 'ready' = 'startup';
    let session: ClientSession | undefined;
    let params: Record<string, string> = {};
    let chain: Promise<void> = Promise.resolve();
    let closed = false;

    const write = (chunks: readonly Uint8Array[]) => {
      if (!closed && chunks.length > 0) socket.write(Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))));
    };
    const finish = () => {
      if (closed) return;
      closed = true;
      this.sockets.delete(socket);
      session?.closed();
    };
    socket.on('close', finish);
    socket.on('error', () => socket.destroy());

    const completeStartup = () => {
      session = this.options.openSession(params);
      const pid = this.nextPid++;
      write([
        authenticationOk(),
        ...session.startupParameters().map(([k, v]) => parameterStatus(k, v)),
        backendKeyData(pid, (pid * 7919) & 0x7fffffff),
        readyForQuery('I'),
      ]);
      phase = 'ready';
    };

    const handleStartup = (body: Uint8Array): boolean => {
      const reader = new BodyReader(body);
      const code = reader.int32();
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        socket.write('N');
        return true;
      }
      if (code === CANCEL_REQUEST) {
        socket.end();
        return false;
      }
      if (code !== PROTOCOL_V3) {
        write([errorResponse({ severity: 'FATAL', code: '08P01', message: `unsupported frontend protocol ${code >> 16}.${code & 0xffff}` })]);
        socket.end();
        return false;
      }
      params = {};
      for (;;) {
        const key = reader.cstring();
        if (key === '') break;
        params[key] = reader.cstring();
      }
      if (this.options.password !== undefined) {
        write([authenticationCleartextPassword()]);
        phase = 'password';
      } else {
        completeStartup();
      }
      return true;
    };

    const handlePassword = (body: Uint8Array): boolean => {
      const given = new BodyReader(body).cstring();
      if (given !== this.options.password) {
        write([errorResponse({ severity: 'FATAL', code: '28P01', message: `password authentication failed for user "${params['user'] ?? ''}"` })]);
        socket.end();
        return false;
      }
      completeStartup();
      return true;
    };

    const handleRegular = (type: string, body: Uint8Array, raw: Uint8Array) => {
      chain = chain.then(async () => {
        if (closed || !session) return;
        if (type === 'X') {
          socket.end();
          return;
        }
        try {
          const reply = await session.handle(type, body, raw);
          if (reply === 'close') socket.destroy();
          else write(reply);
        } catch (err) {
          write([
            errorResponse({ severity: 'ERROR', code: 'XX000', message: `internal error: ${err instanceof Error ? err.message : String(err)}` }),
            readyForQuery('I'),
          ]);
        }
      });
    };

    socket.on('data', (data: Buffer) => {
      const merged = new Uint8Array(buffer.length + data.length);
      merged.set(buffer);
      merged.set(data, buffer.length);
      buffer = merged;
      for (;;) {
        const typed = phase !== 'startup';
        const header = typed ? 5 : 4;
        if (buffer.length < header) return;
        const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        const length = view.getInt32(typed ? 1 : 0);
        const total = (typed ? 1 : 0) + length;
        if (buffer.length < total) return;
        const raw = buffer.subarray(0, total);
        const body = raw.subarray(header);
        buffer = buffer.subarray(total);
        if (phase === 'startup') {
          if (!handleStartup(body)) return;
        } else if (phase === 'password') {
          if (!handlePassword(body)) return;
        } else {
          handleRegular(String.fromCharCode(raw[0]!), body.slice(), raw.slice());
        }
      }
    });
  }
}
