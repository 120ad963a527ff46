import { tokenize, type Token } from '../sql/lexer.js';
import { MzError } from './errors.js';
import type { Fault, FaultInjector } from './faults.js';
import type { QueryLog } from './query-log.js';
import type { Outcome } from './outcome.js';
import type { EmulatorSettings } from './settings.js';

/** What control commands act on. */
export interface ControlHost {
  readonly faults: FaultInjector;
  readonly log: QueryLog;
  readonly settings: EmulatorSettings;
  save(file: string): Promise<void>;
}

/**
 * SQL control commands, so that tests and users can drive the emulator over
 * any client (psql, the CLI). They are neither logged nor counted, and faults
 * never apply to them:
 *
 *   EMULATOR FAULT CLOSE AFTER 3
 *   EMULATOR FAULT FAIL MATCHING 'create source' WITH 'boom' [SQLSTATE 'XX000']
 *   EMULATOR FAULT LATENCY 50
 *   EMULATOR CLEAR FAULTS
 *   EMULATOR RESET COUNTERS
 *   EMULATOR STATUS                         -- statement_count, faults
 *   EMULATOR QUERY LOG                      -- seq, session, statement
 *   EMULATOR SAVE 'state.json'
 *   EMULATOR UNREACHABLE HOST 'kafka.internal:9092'
 *   EMULATOR MISSING TOPIC 'orders'
 *   EMULATOR UPSTREAM TABLES 'pg.internal' ('public.orders', 'shop.items')
 */
export async function runControlCommand(host: ControlHost, text: string): Promise<Outcome> {
  const tokens = tokenize(text).filter((t) => t.kind !== 'eof');
  let i = 1;
  const word = (expected?: string): string => {
    const t = tokens[i++];
    if (!t || t.kind !== 'word' || (expected !== undefined && t.value !== expected)) throw syntax(expected ?? 'a keyword', t);
    return t.value;
  };
  const string = (): string => {
    const t = tokens[i++];
    if (!t || t.kind !== 'string') throw syntax('a string literal', t);
    return t.value;
  };
  const number = (): number => {
    const t = tokens[i++];
    if (!t || t.kind !== 'number') throw syntax('a number', t);
    return Number(t.value);
  };
  const end = () => {
    if (i < tokens.length) throw syntax('end of statement', tokens[i]);
  };

  const verb = word();
  switch (verb) {
    case 'fault': {
      const kind = word();
      let fault: Fault;
      if (kind === 'close') {
        word('after');
        fault = { kind: 'close-after', statements: number() };
      } else if (kind === 'fail') {
        word('matching');
        const pattern = string();
        word('with');
        const message = string();
        const sqlstate = i < tokens.length ? (word('sqlstate'), string()) : undefined;
        fault = { kind: 'fail-matching', pattern, message, ...(sqlstate ? { sqlstate } : {}) };
      } else if (kind === 'latency') {
        fault = { kind: 'latency', ms: number() };
      } else throw syntax('CLOSE, FAIL or LATENCY', tokens[i - 1]);
      end();
      host.faults.inject(fault);
      return { tag: 'EMULATOR FAULT' };
    }
    case 'clear':
      word('faults');
      end();
      host.faults.clear();
      return { tag: 'EMULATOR CLEAR FAULTS' };
    case 'reset':
      word('counters');
      end();
      host.log.reset();
      return { tag: 'EMULATOR RESET COUNTERS' };
    case 'status':
      end();
      return {
        tag: 'SELECT 1',
        columns: ['statement_count', 'faults'],
        rows: [[String(host.log.statementCount()), JSON.stringify(host.faults.active())]],
      };
    case 'query':
      word('log');
      end();
      return {
        tag: `SELECT ${host.log.list().length}`,
        columns: ['seq', 'session', 'statement'],
        rows: host.log.list().map((e) => [String(e.seq), String(e.session), e.statement]),
      };
    case 'save': {
      const file = string();
      end();
      await host.save(file);
      return { tag: 'EMULATOR SAVE' };
    }
    case 'unreachable':
      word('host');
      host.settings.unreachableHosts.add(string());
      end();
      return { tag: 'EMULATOR UNREACHABLE HOST' };
    case 'missing':
      word('topic');
      host.settings.missingTopics.add(string());
      end();
      return { tag: 'EMULATOR MISSING TOPIC' };
    case 'upstream': {
      word('tables');
      const upstream = string();
      const tables: string[] = [];
      const open = tokens[i++];
      if (open?.value !== '(') throw syntax('(', open);
      while (tokens[i] && tokens[i]!.value !== ')') {
        tables.push(string());
        if (tokens[i]?.value === ',') i++;
      }
      i++;
      end();
      host.settings.upstreamTables.set(upstream, tables);
      return { tag: 'EMULATOR UPSTREAM TABLES' };
    }
    default:
      throw syntax('FAULT, CLEAR, RESET, STATUS, QUERY, SAVE, UNREACHABLE, MISSING or UPSTREAM', tokens[1]);
  }
}

function syntax(expected: string, found: Token | undefined): MzError {
  return new MzError(`Expected ${expected}, found ${found ? found.text : 'end of statement'}`, { sqlstate: '42601' });
}
