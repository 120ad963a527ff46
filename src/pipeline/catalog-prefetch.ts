import { type CatalogRows, readCatalogRows } from '../catalog/index.js';
import type { Database } from '../db/index.js';

/** An open connection and how to close it. */
export interface Target {
  readonly db: Database;
  close(): Promise<void>;
}

/** The catalog of a live target, read from the connection `target`, which the reader closes. */
export interface CatalogRead {
  readonly target: Target;
  readonly rows: CatalogRows;
  /** Round trips the read took. */
  readonly queries: number;
}

/** A catalog read under way; exactly one of `result` or `cancel` is awaited. */
export interface PendingCatalogRead {
  /**
   * Resolves when the connection is open or has failed, or after `ms`
   * milliseconds, whichever comes first; never rejects. Waiting this long
   * before loading the manifest lets the first query run on the server while
   * the manifest loads, without holding back a manifest error behind a server
   * that is slow to answer.
   */
  connectedWithin(ms: number): Promise<void>;
  /** The rows once read; the caller closes the target. Rejects with the error of the connection or of a query. */
  result(): Promise<CatalogRead>;
  /** Gives up: stops connecting, or closes the connection; never rejects. */
  cancel(): Promise<void>;
}

/**
 * Connects and reads the catalog while the caller loads the manifest.
 * Connecting and each query wait on the network and the server, loading the
 * manifest keeps this process busy: done side by side, a plan takes about the
 * longer of the two instead of their sum. Only the fixed catalog queries are
 * sent, which carry nothing from the manifest, and nothing is written; a
 * manifest that turns out invalid cancels the read, and its error is the one
 * reported, as when the manifest was loaded first.
 */
export function startCatalogRead(open: (signal: AbortSignal) => Promise<Target>): PendingCatalogRead {
  const controller = new AbortController();
  let opened: Target | undefined;
  const opening = open(controller.signal);
  const reading = (async (): Promise<CatalogRead> => {
    const target = await opening;
    opened = target;
    try {
      const before = target.db.roundTrips;
      const rows = await readCatalogRows(target.db);
      return { target, rows, queries: target.db.roundTrips - before };
    } catch (err) {
      await target.close();
      throw err;
    }
  })();
  // Awaited by result() or cancel(); until then a failure must not count as unhandled.
  reading.catch(() => undefined);
  return {
    connectedWithin(ms) {
      let timer: NodeJS.Timeout | undefined;
      const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
      return Promise.race([opening.then(() => undefined, () => undefined), elapsed]).finally(() => clearTimeout(timer));
    },
    result: () => reading,
    async cancel() {
      controller.abort();
      // A query under way ends with the connection: pg fails it when the socket closes.
      await opened?.close();
      const read = await reading.catch(() => undefined);
      await read?.target.close();
    },
  };
}
